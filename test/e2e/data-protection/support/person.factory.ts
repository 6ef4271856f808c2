import { UnitOfWork } from '@app/database';
import { EVENTS_QUEUE, NotificationService } from '@app/messaging';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import { createUser, tokenFor } from '../../../support/auth';
import type { TestApi } from '../../../support/test-api';
import { call, createAdviser, createStaff, Staff } from '../../advisers/support/advisers.factory';

export { call };
import { apiClient, completeAnswers } from '../../enrolment/enrolment-fixtures';

export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
  caseId: string;
  companyId: string;
  enrolmentId: string;
  adviser: Staff;
  officer: Staff;
}

const today = (): string => new Date().toISOString().slice(0, 10);

async function ok(res: Response, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * An SME contact with data in every domain, made through the real API: an enrolment submitted into a
 * case, an adviser assigned, an interaction whose notes name them, a self-assessment, an export outcome,
 * a training booking, a notification, and a queued job whose payload carries their email.
 */
export async function personWithDataEverywhere(
  api: TestApi,
  staff?: { officer: Staff; adviser: Staff },
): Promise<Person> {
  const officer = staff?.officer ?? (await createStaff(api, 'officer'));
  const adviser = staff?.adviser ?? (await createAdviser(api, officer));
  const tag = randomBytes(3).toString('hex');
  const name = `Ana Subject ${tag}`;
  const email = `ana.${tag}@sme.example`;
  const { user, password } = await createUser(api, 'sme', { name, email });
  const token = await tokenFor(api, user.email, password);

  const sme = apiClient(api, token);
  const created = await sme.create(
    completeAnswers({ barriers: { selected: ['operational'], note: `${name} worries about customs` } }),
  );
  if (created.status !== 201) throw new Error(`enrolment: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await sme.submit(created.body.id as string);
  if (submitted.status >= 300)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const [kase] = (await api.dataSource.query('SELECT id, company_id FROM cases WHERE enrolment_id = $1', [
    created.body.id,
  ])) as { id: string; company_id: string }[];
  if (!kase) throw new Error('the enrolment opened no case');

  await ok(
    await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
      adviserId: adviser.user.id,
      reason: 'Data protection test',
    }),
    'assignment',
  );
  await ok(
    await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/interactions`, {
      kind: 'call',
      occurredOn: today(),
      notes: `Called ${name} (${email}) about their export plan`,
    }),
    'interaction',
  );
  await ok(
    await call(api, token, 'POST', `/api/v1/cases/${kase.id}/audits`, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 2 },
    }),
    'audit',
  );
  await ok(
    await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/outcomes`, {
      kind: 'export_win',
      country: 'DE',
      valueMinor: 1250000,
      currency: 'EUR',
      occurredOn: today(),
    }),
    'outcome',
  );
  await ok(
    await call(api, token, 'POST', `/api/v1/cases/${kase.id}/training`, {
      moduleCode: 'social-media-foundations',
    }),
    'training booking',
  );
  await api.app.get(UnitOfWork).run((m) =>
    api.app.get(NotificationService).notify(m, {
      idempotencyKey: `dp-test-${tag}`,
      kind: 'stage_changed',
      recipient: { userId: user.id, email: user.email, name },
      caseId: kase.id,
      values: { companyName: 'Acme', name },
    }),
  );
  const queue = api.app.get<Queue>(getQueueToken(EVENTS_QUEUE));
  await queue.add(
    'dispatch',
    { id: `legacy-${tag}`, contact: user.email },
    { jobId: `dp-${tag}`, delay: 3_600_000 },
  );

  return {
    id: user.id,
    email: user.email,
    name,
    password,
    token,
    caseId: kase.id,
    companyId: kase.company_id,
    enrolmentId: created.body.id as string,
    adviser,
    officer,
  };
}

import { RETENTION_JOB, RETENTION_QUEUE, RetentionService } from '@app/data-protection';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { startTestApi, TestApi } from '../../support/test-api';
import { eventually, startInProcessWorker } from '../follow-ups/support/in-process-worker';
import { buildCase } from '../../factories';
import { createUser } from '../../support/auth';
import { Person, personWithDataEverywhere } from './support/person.factory';

jest.setTimeout(120_000);

const YEAR = 365 * 24 * 3600 * 1000;
const ago = (years: number): Date => new Date(Date.now() - years * YEAR);

/** A KPI-relevant figure for a period that stays in scope: cases opened in the last 12 months. */
async function openedThisYear(api: TestApi): Promise<{ cases: number; outcomes: number; value: string }> {
  const [row] = await api.dataSource.query(
    `SELECT count(DISTINCT c.id)::int AS cases, count(o.id)::int AS outcomes, coalesce(sum(o.value_minor), 0)::text AS value
       FROM cases c LEFT JOIN export_outcomes o ON o.case_id = c.id
      WHERE c.opened_at >= now() - interval '12 months'`,
  );
  return row;
}

describe('data protection: retention', () => {
  let api: TestApi;
  let service: RetentionService;
  let recent: Person;
  let oldContactId: string;
  let oldCaseId: string;
  let applicantId: string;

  beforeAll(async () => {
    api = await startTestApi();
    service = api.app.get(RetentionService);
    recent = await personWithDataEverywhere(api);

    // A case closed long ago, whose contact has nothing newer.
    const old = await createUser(api, 'sme', { name: 'Olga Oldcase', email: 'olga.oldcase@sme.example' });
    oldContactId = old.user.id;
    // Opened eight years ago; its last event (the closure) a little over seven.
    ({ caseId: oldCaseId } = await buildCase(api, {
      sme: old,
      closed: true,
      openedDaysAgo: 8 * 365,
      historyDaysAgo: 7 * 365 + 150,
    }));
    await api.dataSource.query(
      `INSERT INTO interactions (case_id, logged_by_id, kind, occurred_on, notes) VALUES ($1, $2, 'call', $3, 'Olga Oldcase called')`,
      [oldCaseId, recent.adviser.user.id, ago(7.5).toISOString().slice(0, 10)],
    );

    // An ineligible enrolment three years old, never a case.
    const applicant = await createUser(api, 'sme', { name: 'Ivan Ineligible' });
    applicantId = applicant.user.id;
    await api.dataSource.query(
      `INSERT INTO enrolments (user_id, status, legal_name, barriers_note, updated_at, version)
       VALUES ($1, 'ineligible', 'Too Big Ltd', 'Ivan thinks exports are hard', $2, 1)`,
      [applicantId, ago(3)],
    );

    // Expired sessions and tokens; an old delivered notification.
    await api.dataSource.query(
      `INSERT INTO user_sessions (sid, user_id, data, expires_at) VALUES ('expired-sid', $1, '{}', now() - interval '1 day')`,
      [recent.id],
    );
    await api.dataSource.query(
      `INSERT INTO api_tokens (user_id, token_hash, expires_at) VALUES ($1, repeat('a', 64), now() - interval '1 day')`,
      [recent.id],
    );
    await api.dataSource.query(
      `UPDATE notification SET status = 'sent', sent_at = now() - interval '400 days'
        WHERE id = (SELECT id FROM notification WHERE recipient_user_id = $1 ORDER BY created_at LIMIT 1)`,
      [recent.id],
    );
  });
  afterAll(() => api?.close());

  it('simulates, then applies exactly the simulated changes, keeping in-scope KPIs equal; a second run changes nothing', async () => {
    const kpiBefore = await openedThisYear(api);
    const casesBefore = await api.dataSource.query('SELECT count(*)::int AS n FROM cases');

    const simulated = await service.run({ simulate: true });
    expect(simulated.simulated).toBe(true);
    expect(simulated.counts).toMatchObject({
      sessions: 1,
      apiTokens: 1,
      deliveredNotifications: 2,
      closedCases: 1,
      ineligibleEnrolments: 1,
    });
    expect(simulated.counts.closedCaseContacts).toBeGreaterThan(0);
    expect(simulated.counts.ineligibleApplicants).toBeGreaterThan(0);
    // Nothing changed by the simulation.
    expect(await api.dataSource.query(`SELECT 1 FROM user_sessions WHERE sid = 'expired-sid'`)).toHaveLength(
      1,
    );
    expect((await api.dataSource.query(`SELECT name FROM users WHERE id = $1`, [oldContactId]))[0].name).toBe(
      'Olga Oldcase',
    );

    const real = await service.run();
    expect(real.changes).toEqual(simulated.changes);
    expect(real.counts).toEqual(simulated.counts);

    expect(await api.dataSource.query(`SELECT 1 FROM user_sessions WHERE sid = 'expired-sid'`)).toHaveLength(
      0,
    );
    const [olga] = await api.dataSource.query(`SELECT name, email, active FROM users WHERE id = $1`, [
      oldContactId,
    ]);
    expect(olga).toMatchObject({ name: expect.stringMatching(/^erased-/), active: false });
    const [ivan] = await api.dataSource.query(`SELECT name FROM users WHERE id = $1`, [applicantId]);
    expect(ivan.name).toMatch(/^erased-/);
    const [note] = await api.dataSource.query(`SELECT barriers_note FROM enrolments WHERE user_id = $1`, [
      applicantId,
    ]);
    expect(note.barriers_note).toBeNull();
    const [interaction] = await api.dataSource.query(`SELECT notes FROM interactions WHERE case_id = $1`, [
      oldCaseId,
    ]);
    expect(interaction.notes).toBe('');
    // The person with a recent case is untouched; the closed case itself stays (it is counted).
    const [ana] = await api.dataSource.query(`SELECT name, active FROM users WHERE id = $1`, [recent.id]);
    expect(ana).toEqual({ name: recent.name, active: true });
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM cases')).toEqual(casesBefore);
    expect(await openedThisYear(api)).toEqual(kpiBefore);
    const [sent] = await api.dataSource.query(
      `SELECT status, body_text FROM notification WHERE recipient_user_id = $1 AND sent_at IS NOT NULL`,
      [recent.id],
    );
    expect(sent).toEqual({ status: 'sent', body_text: '' });
    expect(
      await api.dataSource.query(
        `SELECT after FROM audit_event WHERE action = 'data_protection.retention_run'`,
      ),
    ).toEqual([{ after: expect.objectContaining({ changes: real.changes.length }) }]);

    const again = await service.run();
    expect(again.changes).toEqual([]);
  });
});

describe('data protection: the nightly retention job', () => {
  it('is registered as a repeatable job in the worker, and a run of it applies the rules', async () => {
    const worker = await startInProcessWorker();
    try {
      const queue = worker.app.get<Queue>(getQueueToken(RETENTION_QUEUE));
      await eventually(async () => (await queue.getRepeatableJobs()).length > 0);
      expect(await queue.getRepeatableJobs()).toEqual([
        expect.objectContaining({ name: RETENTION_JOB, cron: '30 2 * * *' }),
      ]);
      await worker.dataSource.query(
        `INSERT INTO user_sessions (sid, user_id, data, expires_at) VALUES ('stale', NULL, '{}', now() - interval '2 days')`,
      );
      const job: Job = await queue.add(RETENTION_JOB, {});
      const result = (await job.finished()) as { changes: number; counts: Record<string, number> };
      expect(result.counts.sessions).toBe(1);
      expect(await worker.dataSource.query(`SELECT 1 FROM user_sessions WHERE sid = 'stale'`)).toHaveLength(
        0,
      );
    } finally {
      await worker.close();
    }
  });
});

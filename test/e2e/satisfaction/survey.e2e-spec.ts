import { SurveyLinks } from '@app/satisfaction';
import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import type { TestApi } from '../../support/test-api';
import { buildAdviser, buildSmeCase, buildToken, buildUser, type TestUser } from '../../factories';
import { call } from '../advisers/support/advisers.factory';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

/**
 * The satisfaction survey end to end: closing a case emails the SME (through the worker and a real SMTP
 * peer) a signed, expiring link in their language; the page needs no sign-in and works as plain HTML forms;
 * one answer per case; one reminder if unanswered; the answers feed the KPIs.
 */
describe('satisfaction survey after closure (real Postgres, Redis and SMTP)', () => {
  let started: ApiWithWorker | undefined;
  let api: TestApi;
  let smtp: SmtpPeer;
  let officerToken: string;
  let officer: TestUser;

  beforeAll(async () => {
    started = await startApiWithWorker();
    ({ api, smtp } = started);
    officer = await buildUser(api, 'officer');
    officerToken = await buildToken(api, officer.user);
  }, 120_000);
  afterAll(() => started?.close());

  /** The survey link of an email, on this test's api. */
  const linkIn = (text: string): string => {
    const match = /https?:\/\/[^\s]+\/survey\/([^\s?]+)\?lang=(\w\w)/.exec(text);
    if (!match) throw new Error(`no survey link in: ${text}`);
    return `/survey/${match[1]}?lang=${match[2]}`;
  };
  const closeCase = async (lang: string) => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const kase = await buildSmeCase(api, { adviserId: adviser.user.id, lang });
    const res = await call(api, token, 'POST', `/api/v1/cases/${kase.caseId}/close`, {
      reason: 'support-completed',
      summary: 'Plan in place',
    });
    expect(res.status).toBe(200);
    return kase;
  };
  const surveyEmail = (email: string, subject: RegExp) => smtp.arrived(email, subject, 20_000);

  it('emails a Spanish survey link that opens without signing in, takes one answer and feeds the KPIs', async () => {
    const { sme, caseId } = await closeCase('es');
    const [mail] = await surveyEmail(sme.user.email, /Cinco preguntas/);
    expect(mail.language).toBe('es');
    const path = linkIn(mail.text);
    expect(path).toMatch(/\?lang=es$/);

    const visitor = webSession(api);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('¿Qué tal el apoyo recibido?');
    expect(html).not.toContain('name="overall" type="radio" value="5" checked');
    const csrf = csrfFromHtml(html);
    const action = `/survey/${path.split('/')[2].split('?')[0]}`;

    // No answers: the GOV.UK error summary in Spanish, linked to each question.
    const empty = await visitor.post(action, { _csrf: csrf });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toContain('href="#overall"');
    expect(errors).toContain('href="#helpedExport"');
    expect(errors).toContain('Elija su grado de satisfacción general');

    const done = await visitor.post(action, {
      _csrf: csrf,
      overall: '5',
      adviser: '4',
      helpedExport: 'partly',
      recommend: 'yes',
      comments: 'Muy útil',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(action);
    expect(await (await visitor.get(action)).text()).toContain('Gracias por sus respuestas');
    const [row] = await api.dataSource.query(
      `SELECT answers, satisfied, language FROM satisfaction_surveys WHERE case_id = $1`,
      [caseId],
    );
    expect(row).toMatchObject({ satisfied: true, language: 'es' });
    expect(row.answers).toMatchObject({ overall: 5, adviser: 4, helpedExport: 'partly', recommend: 'yes' });
    const reminder = await api.dataSource.query(
      `SELECT status FROM follow_up WHERE case_id = $1 AND rule_code = 'satisfaction-survey-reminder'`,
      [caseId],
    );
    expect(reminder).toEqual([{ status: 'done' }]);

    // One answer per case.
    const again = await visitor.post(action, {
      _csrf: csrf,
      overall: '1',
      adviser: '1',
      helpedExport: 'no',
      recommend: 'no',
    });
    expect(again.status).toBe(409);
    expect(
      (await api.dataSource.query(`SELECT answers FROM satisfaction_surveys WHERE case_id = $1`, [caseId]))[0]
        .answers.overall,
    ).toBe(5);

    // KPIs: response and satisfaction rates, and closed cases by reason.
    const today = new Date().toISOString().slice(0, 10);
    const report = await readJson(
      await call(api, officerToken, 'GET', `/api/v1/reports/kpis?from=${today}&to=${today}&format=json`),
    );
    const kpis = new Map(
      (report.groups as Json[]).flatMap((g) => (g.kpis as Json[]).map((k) => [k.key as string, k] as const)),
    );
    expect(kpis.get('engagement.satisfaction_rate')?.value).toBe(100);
    expect(kpis.get('engagement.survey_response_rate')?.value).toBe(100);
    expect(kpis.get('outcomes.cases_closed')?.value).toBe(1);
    expect(((kpis.get('outcomes.cases_closed')?.breakdown as Json).rows as Json[])[0]).toMatchObject({
      key: 'support-completed',
      label: 'Support completed',
      value: 1,
    });
    // The definitions page explains them.
    const staff = await signInWeb(api, officer.user.email, officer.password);
    const text = await (await staff.get('/reports/definitions')).text();
    expect(text).toContain('Satisfied with the support');
    expect(text).toContain('Cases closed');
  });

  it('refuses altered and expired links, and reminds once (in German) when unanswered', async () => {
    const { sme, caseId } = await closeCase('de');
    const [mail] = await surveyEmail(sme.user.email, /Fünf kurze Fragen/);
    const path = linkIn(mail.text);
    const altered = path.replace(/\.(\d+)\./, (_m, n: string) => `.${Number(n) + 86_400}.`);
    expect((await webSession(api).get(altered)).status).toBe(404);
    const [survey] = await api.dataSource.query(`SELECT id FROM satisfaction_surveys WHERE case_id = $1`, [
      caseId,
    ]);
    const expiredToken = api.app.get(SurveyLinks).token(survey.id, new Date(Date.now() - 1000));
    const expired = await webSession(api).get(`/survey/${expiredToken}?lang=de`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Diese Umfrage ist geschlossen');

    // A week passes without an answer: the reminder goes once, whatever the sweep does after.
    await api.dataSource.query(
      `UPDATE follow_up SET due_at = now() - interval '1 minute', deadline_at = now() - interval '1 minute',
              plan = jsonb_set(plan, '{0,at}', to_jsonb(now() - interval '1 minute'))
        WHERE case_id = $1 AND rule_code = 'satisfaction-survey-reminder'`,
      [caseId],
    );
    await surveyEmail(sme.user.email, /Erinnerung/);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const reminders = smtp.to(sme.user.email).filter((m) => /Erinnerung/.test(m.subject));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain('/survey/');
    const [followUp] = await api.dataSource.query(
      `SELECT status FROM follow_up WHERE case_id = $1 AND rule_code = 'satisfaction-survey-reminder'`,
      [caseId],
    );
    expect(followUp.status).toBe('sent');
  });
});

import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDir, projectRoot } from '@app/config';
import { createUser, signInWeb, tokenFor, type WebSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { allAnswers, readinessCase } from '../progress/support/readiness-case.factory';

const location = (res: Response): string => res.headers.get('location') ?? '';
const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Booting the api and hashing passwords is slow when the machine is busy; no assertion depends on it. */
const BOOT_TIMEOUT_MS = 120_000;
describe('readiness self-assessment pages', () => {
  let api: TestApi;
  let web: WebSession;
  let smeId: string;
  let smeToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    const { user, password } = await createUser(api, 'sme');
    smeId = user.id;
    web = await signInWeb(api, user.email, password);
    smeToken = await tokenFor(api, user.email, password);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('an SME completes the self-assessment in German and sees results and recommendations', async () => {
    const kase = await readinessCase(api, {
      smeUserId: smeId,
      exportedLast12Months: true,
      exportMarkets: ['AT'],
    });
    const overview = await web.get(`/cases/${kase.id}/audits?lang=de`);
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Export-Bereitschaftscheck');

    let next = location(await web.post(`/cases/${kase.id}/audits/start`, {}));
    expect(next).toMatch(new RegExp(`^/cases/${kase.id}/audits/[0-9a-f-]{36}/section/psychological$`));
    const auditId = next.split('/')[4];

    // Forgetting an answer re-shows the page with a German error summary; nothing is saved.
    const firstPage = await (await web.get(next)).text();
    expect(firstPage).toContain('Psychologisch');
    expect(firstPage).toContain('Export ist ein schriftlich festgehaltenes Unternehmensziel mit Zielwerten');
    expect(firstPage).toContain('Export ist kein Ziel'); // an anchor, as the hint of point 0
    const incomplete = await web.post(next, { 'psy-export-goal': '3' });
    expect(incomplete.status).toBe(400);
    const [unsaved] = await api.dataSource.query(`SELECT answers FROM readiness_audits WHERE id = $1`, [
      auditId,
    ]);
    expect(unsaved.answers).toEqual({});
    const outOfRange = await web.post(next, {
      'psy-export-goal': '7',
      'psy-confidence': '2',
      'psy-motivation': '2',
    });
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.text()).toContain('Es gibt ein Problem');
    // Submitting before every heading is answered shows the check page with errors; the audit stays a draft.
    const early = await web.post(`/cases/${kase.id}/audits/${auditId}/submit`, {});
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('Es gibt ein Problem');
    const [still] = await api.dataSource.query(`SELECT status, answers FROM readiness_audits WHERE id = $1`, [
      auditId,
    ]);
    expect(still).toEqual({ status: 'draft', answers: {} });
    const errorPage = await incomplete.text();
    expect(errorPage).toContain('Es gibt ein Problem');
    expect(errorPage).toContain('Wählen Sie eine Antwort für: Sicherheit im Umgang mit ausländischen Kunden');

    const questionnaire = (await readJson(
      await fetch(`${api.url}/api/v1/readiness/questionnaire`, { headers: { cookie: web.jar.header() } }),
    )) as Json;
    const answers = allAnswers(
      (questionnaire.headings as Json[]).flatMap((h) => (h.questions as Json[]).map((q) => q.code as string)),
      3,
      { 'org-export-plan': 1, 'sm-listening': 1 },
    );
    for (const heading of questionnaire.headings as Json[]) {
      expect(next).toBe(`/cases/${kase.id}/audits/${auditId}/section/${heading.code}`);
      const page = await (await web.get(next)).text();
      expect(page).toContain(heading.title.de);
      const form = Object.fromEntries(
        (heading.questions as Json[]).map((q) => [q.code, String(answers[q.code])]),
      );
      const saved = await web.post(next, form);
      expect(saved.status).toBe(303);
      next = location(saved);
    }
    expect(next).toBe(`/cases/${kase.id}/audits/${auditId}/check`);
    const check = await (await web.get(next)).text();
    expect(check).toContain('Prüfen Sie Ihre Antworten');
    expect(check).toContain('1 – Nur Ideen'); // org-export-plan answered 1

    const submitted = await web.post(`/cases/${kase.id}/audits/${auditId}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(location(submitted)).toBe(`/cases/${kase.id}/audits/${auditId}`);

    const results = await (await web.get(location(submitted))).text();
    expect(results).toContain('Ihre Ergebnisse zur Exportbereitschaft');
    expect(results).toContain('Passiver Exporteur'); // exports (AT) without a written plan
    expect(results).toContain('Es gibt noch keinen schriftlichen Exportplan');
    // Organisational: (3+3+3+1)/4 × 25 = 62.5; social media: (3+3+1+3+3)/5 × 25 = 65
    expect(results).toContain('62.5');
    expect(results).toContain('65');
    expect(results).toContain('Empfohlene Unterstützung');
    expect(results).toContain(
      'Lassen Sie sich beim Schreiben eines Exportplans mit Zielen und Zielwerten coachen',
    );
    // Training modules are named by the training catalogue, in German too: every recommendation is on the page.
    const listed = await readJson(
      await fetch(`${api.url}/api/v1/cases/${kase.id}/recommendations`, {
        headers: { cookie: web.jar.header() },
      }),
    );
    expect(listed.recommendations.map((r: Json) => r.code)).toEqual(
      expect.arrayContaining(['export-plan-coaching', 'social-listening-market-research']),
    );
    for (const r of listed.recommendations as Json[]) expect(results).toContain(escapeHtml(r.text));
    // The reason states the answer given and why it led here (it used to quote the question alone).
    expect(results).toContain(
      'Warum wir das vorschlagen: Sie haben auf „Es gibt einen Exportplan“ mit „Nur Ideen“ geantwortet. ' +
        'Diese Hilfe schlagen wir bei Antworten unter „Ein schriftlicher Plan“ vor.',
    );
    expect(results).toMatch(/<html[^>]+lang="de"/);

    const [row] = await api.dataSource.query(
      `SELECT status, language, kind FROM readiness_audits WHERE id = $1`,
      [auditId],
    );
    expect(row).toEqual({ status: 'submitted', language: 'de', kind: 'self' });
  });

  it("shows each heading's change against the previous audit (↑/↓ and points) and the score trend, in German", async () => {
    const kase = await readinessCase(api, { smeUserId: smeId });
    const headers = { authorization: `Bearer ${smeToken}`, 'content-type': 'application/json' };
    const questionnaire = (await readJson(
      await fetch(`${api.url}/api/v1/readiness/questionnaire`, { headers }),
    )) as Json;
    const codes = (questionnaire.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
    const submit = async (answers: Record<string, number>): Promise<string> => {
      const res = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ questionnaireVersion: 1, answers, submit: true }),
      });
      expect(res.status).toBe(201);
      return (await readJson(res)).audit.id as string;
    };
    await submit(allAnswers(codes, 2)); // every heading 50, overall 50
    const byPrefix = (prefix: string, value: number): Record<string, number> =>
      Object.fromEntries(codes.filter((c) => c.startsWith(prefix)).map((c) => [c, value]));
    // Psychological and organisational 75 (↑ 25), operational 25 (↓ 25), the rest 50 (= 0); overall 55 (↑ 5).
    const second = await submit({
      ...allAnswers(codes, 2),
      ...byPrefix('psy-', 3),
      ...byPrefix('org-', 3),
      ...byPrefix('ops-', 1),
    });

    const rowsOf = (html: string, tableId: string): string[][] => {
      const table = html.slice(html.indexOf(`id="${tableId}"`));
      const body = table.slice(table.indexOf('<tbody'), table.indexOf('</tbody>'));
      return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
          cell[1]
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      );
    };
    const title = (code: string): string =>
      escapeHtml((questionnaire.headings as Json[]).find((h) => h.code === code)?.title.de);
    const results = await (await web.get(`/cases/${kase.id}/audits/${second}?lang=de`)).text();
    expect(results).toContain('Veränderung seit dem letzten Check');
    expect(rowsOf(results, 'scores')).toEqual([
      [title('psychological'), '75', '↑ 25 Punkte'],
      [title('organisational'), '75', '↑ 25 Punkte'],
      [title('operational'), '25', '↓ 25 Punkte'],
      [title('product_market'), '50', '= 0 Punkte'],
      [title('social_media'), '50', '= 0 Punkte'],
      ['Gesamt', '55', ''],
    ]);

    const overview = await (await web.get(`/cases/${kase.id}/audits?lang=de`)).text();
    expect(overview).toContain('Entwicklung der Punktzahl');
    const trend = rowsOf(overview, 'trend');
    expect(trend.map((r) => r.slice(1))).toEqual([
      ['Selbsteinschätzung', '50', '–'],
      ['Selbsteinschätzung', '55', '↑ 5 Punkte'],
    ]);
  });

  it('lets the adviser drop and add recommendations on the page with a note, recorded with who decided', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const adviserWeb = await signInWeb(api, user.email, password);
    const kase = await readinessCase(api, { smeUserId: smeId, adviserId: user.id });
    const questionnaire = (await readJson(
      await fetch(`${api.url}/api/v1/readiness/questionnaire`, {
        headers: { authorization: `Bearer ${smeToken}` },
      }),
    )) as Json;
    const codes = (questionnaire.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
    const submitted = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${smeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        questionnaireVersion: 1,
        answers: allAnswers(codes, 4, { 'ops-payment': 1 }),
        submit: true,
      }),
    });
    expect(submitted.status).toBe(201);
    const [proposed] = await api.dataSource.query(
      `SELECT id, code FROM readiness_recommendations WHERE case_id = $1 AND status = 'proposed'`,
      [kase.id],
    );
    expect(proposed.code).toBe('export-finance');

    const overview = await (await adviserWeb.get(`/cases/${kase.id}/audits`)).text();
    expect(overview).toContain(`action="/cases/${kase.id}/recommendations/${proposed.id}"`);
    const dropped = await adviserWeb.post(`/cases/${kase.id}/recommendations/${proposed.id}`, {
      decision: 'dropped',
      note: 'Insured through their bank already',
    });
    expect(dropped.status).toBe(303);

    const rowsBefore = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM readiness_recommendations WHERE case_id = $1`,
      [kase.id],
    );
    const noChoice = await adviserWeb.post(`/cases/${kase.id}/recommendations`, { option: '', note: 'x' });
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain('govuk-error-summary');
    expect(
      await api.dataSource.query(
        `SELECT count(*)::int AS n FROM readiness_recommendations WHERE case_id = $1`,
        [kase.id],
      ),
    ).toEqual(rowsBefore);
    const added = await adviserWeb.post(`/cases/${kase.id}/recommendations`, {
      option: 'measure:trade-visits',
      note: 'Ready for the Hannover fair',
    });
    expect(added.status).toBe(303);

    const stored = await api.dataSource.query(
      `SELECT code, status, origin, note, decided_by_id FROM readiness_recommendations WHERE case_id = $1 ORDER BY code`,
      [kase.id],
    );
    expect(stored).toEqual([
      {
        code: 'export-finance',
        status: 'dropped',
        origin: 'rule',
        note: 'Insured through their bank already',
        decided_by_id: user.id,
      },
      {
        code: 'trade-visits',
        status: 'accepted',
        origin: 'adviser',
        note: 'Ready for the Hannover fair',
        decided_by_id: user.id,
      },
    ]);
    const audited = await api.dataSource.query(
      `SELECT e.action, e.actor_id, e.after->>'note' AS note
         FROM audit_event e JOIN readiness_recommendations r ON r.id::text = e.entity_id
        WHERE e.entity_type = 'recommendation' AND r.case_id = $1 ORDER BY e.id`,
      [kase.id],
    );
    expect(audited).toEqual([
      { action: 'recommendation.dropped', actor_id: user.id, note: 'Insured through their bank already' },
      { action: 'recommendation.added', actor_id: user.id, note: 'Ready for the Hannover fair' },
    ]);
    const after = await (await adviserWeb.get(`/cases/${kase.id}/audits`)).text();
    expect(after).toContain('Insured through their bank already');
    expect(after).toContain('Ready for the Hannover fair');
  });

  it('does not show another SME its pages (404)', async () => {
    const kase = await readinessCase(api, {});
    expect((await web.get(`/cases/${kase.id}/audits`)).status).toBe(404);
    expect((await web.post(`/cases/${kase.id}/audits/start`, {})).status).toBe(404);
  });
});

describe('questionnaire versioning once v2 exists', () => {
  let api: TestApi;
  let dir: string;
  let token: string;
  let smeId: string;
  let login: { email: string; password: string };

  beforeAll(async () => {
    // A project root of its own whose config/ adds v2; views and locales are found through symlinks.
    dir = mkdtempSync(join(tmpdir(), 'readiness-v2-'));
    const config = join(dir, 'config');
    mkdirSync(config);
    cpSync(configDir(), config, { recursive: true });
    cpSync(
      join(__dirname, 'fixtures/questionnaire-v2.yaml'),
      join(config, 'readiness/questionnaire-v2.yaml'),
    );
    for (const folder of ['libs', 'apps']) symlinkSync(join(projectRoot(), folder), join(dir, folder));
    api = await startTestApi({ CONFIG_DIR: config });
    const { user, password } = await createUser(api, 'sme');
    smeId = user.id;
    login = { email: user.email, password };
    token = await tokenFor(api, user.email, password);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a v1 audit on v1: it still scores and renders, while new audits use v2', async () => {
    const kase = await readinessCase(api, { smeUserId: smeId });
    const v1Codes = [
      'psy-export-goal',
      'psy-confidence',
      'psy-motivation',
      'org-export-lead',
      'org-international-skills',
      'org-working-capital',
      'org-export-plan',
      'ops-capacity',
      'ops-documents',
      'ops-payment',
      'ops-fulfilment',
      'pm-domestic-success',
      'pm-product-adapted',
      'pm-target-market',
      'pm-partners',
      'sm-profiles',
      'sm-localised-content',
      'sm-listening',
      'sm-leads',
      'sm-analytics',
    ];
    // A draft answered on v1 before v2 was added (as the table would hold it).
    const [draft] = await api.dataSource.query(
      `INSERT INTO readiness_audits (case_id, kind, status, questionnaire_version, answers, created_by_id, version)
       VALUES ($1, 'self', 'draft', 1, $2, $3, 1) RETURNING id`,
      [kase.id, JSON.stringify(allAnswers(v1Codes, 2, { 'sm-analytics': 4 })), smeId],
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const current = await readJson(await fetch(`${api.url}/api/v1/readiness/questionnaire`, { headers }));
    expect(current.version).toBe(2);
    const old = await readJson(
      await fetch(`${api.url}/api/v1/readiness/questionnaire?version=1`, { headers }),
    );
    expect(old.version).toBe(1);

    const submitted = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits/${draft.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ questionnaireVersion: 1, submit: true }),
    });
    expect(submitted.status).toBe(200);
    const audit = (await readJson(submitted)).audit;
    // Scored on v1: social media (2+2+2+2+4)/5 × 25 = 60 and equal weights, not v2's double weight.
    expect(audit).toMatchObject({
      questionnaireVersion: 1,
      headingScores: { social_media: 60 },
      overallScore: 52,
    });

    const newOnV1 = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ questionnaireVersion: 1 }),
    });
    expect(newOnV1.status).toBe(422);
    const v2Answer = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ questionnaireVersion: 2, answers: { 'sm-paid-ads': 3 } }),
    });
    expect(v2Answer.status).toBe(201);
    const v2Path = `${api.url}/api/v1/cases/${kase.id}/audits/${(await readJson(v2Answer)).audit.id}`;
    const wrongQuestion = await fetch(v2Path, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ questionnaireVersion: 2, answers: { 'sm-analytics': 3 } }),
    });
    expect(wrongQuestion.status).toBe(400);

    // A v2 audit is scored on v2 (social media weighted double) and compared with the v1 one per heading.
    const v2Codes = (current.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
    const v2Submitted = await fetch(v2Path, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        questionnaireVersion: 2,
        answers: allAnswers(
          v2Codes,
          2,
          Object.fromEntries(v2Codes.filter((c) => c.startsWith('sm-')).map((c) => [c, 4])),
        ),
        submit: true,
      }),
    });
    expect(v2Submitted.status).toBe(200);
    const v2View = await readJson(v2Submitted);
    // Four headings at 50 and social media 100 counted twice: (4 × 50 + 2 × 100) / 6 = 66.7.
    expect(v2View.audit).toMatchObject({ questionnaireVersion: 2, overallScore: 66.7 });
    expect(v2View.comparison).toContainEqual({
      heading: 'social_media',
      score: 100,
      previous: 60,
      change: 40,
    });
    expect(v2View.comparison).toContainEqual({
      heading: 'psychological',
      score: 50,
      previous: 50,
      change: 0,
    });
    // The v1 audit is untouched by it.
    const v1Again = await readJson(
      await fetch(`${api.url}/api/v1/cases/${kase.id}/audits/${draft.id}`, { headers }),
    );
    expect(v1Again.audit).toMatchObject({
      questionnaireVersion: 1,
      overallScore: 52,
      headingScores: { social_media: 60 },
    });

    // The v1 results page still renders v1's own question.
    const session = await signInWeb(api, login.email, login.password);
    const page = await session.get(`/cases/${kase.id}/audits/${draft.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Social-media and web analytics are tracked by country');
  });
});

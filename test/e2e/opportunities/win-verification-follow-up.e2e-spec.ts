import {
  buildCase,
  buildExportWin,
  buildTokens,
  buildUser,
  type SmeCase,
  type TestUser,
} from '../../factories';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import { answerLink, signInWeb, webSession } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import type { TestApi } from '../../support/test-api';
import { eventually } from '../follow-ups/support/in-process-worker';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

const BOOT_TIMEOUT_MS = 180_000;

/**
 * An unanswered verification link: the company is reminded through the real follow-up machinery (worker,
 * sweep, SMTP), the adviser is told when the link expires, and the adviser can resend it (the old link
 * stops working) or correct the win (which asks the company again), through the API and the case's page.
 */
describe('export wins: unanswered verification, resend and correction (real Postgres, Redis and SMTP)', () => {
  let started: ApiWithWorker | undefined;
  let api: TestApi;
  let smtp: SmtpPeer;
  let adviser: TestUser;
  let otherAdviser: TestUser;
  let officer: TestUser;
  let kase: SmeCase;
  let tokens: Record<string, string>;
  const call = jsonCaller(() => api.url);

  beforeAll(async () => {
    started = await startApiWithWorker();
    ({ api, smtp } = started);
    adviser = await buildUser(api, 'adviser');
    otherAdviser = await buildUser(api, 'adviser');
    officer = await buildUser(api, 'officer');
    // The company's contact reads German (the SME enrolled in German).
    kase = await buildCase(api, { adviserId: adviser.user.id, lang: 'de' });
    tokens = await buildTokens(api, { adviser, otherAdviser, officer, sme: kase.sme });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => started?.close());

  /** The paths of every verification link written for the win so far, oldest first. */
  const links = async (winId: string): Promise<string[]> => {
    const rows = (await api.dataSource.query(
      `SELECT body_text FROM notification WHERE kind = 'export-win-verification.sme' AND idempotency_key LIKE $1
        ORDER BY created_at, id`,
      [`export-win-verification:${winId}:%`],
    )) as Json[];
    return rows.map((r) => /\/export-wins\/verify\/[^\s?]+/.exec(r.body_text as string)![0]);
  };
  const recordWin = async (): Promise<{ id: string; path: string }> => {
    const id = await buildExportWin(api, adviser.user, kase.caseId, {
      customerName: 'Hafenkontor GmbH',
      valuesMinor: [1_500_000, 3_000_000],
    });
    return { id, path: (await links(id))[0] };
  };
  const followUps = (winId: string, rule: string): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT id, status, step, anchor_at, source_key FROM follow_up WHERE rule_code = $1 AND subject_key = $2
        ORDER BY created_at, id`,
      [rule, winId],
    );
  /** Time passes: the follow-up's current step falls due now (the sweep then fires it). */
  const dueNow = (winId: string, rule: string): Promise<unknown> =>
    api.dataSource.query(
      `UPDATE follow_up SET due_at = now() - interval '1 minute', deadline_at = now() - interval '1 minute',
              plan = jsonb_set(plan, ARRAY[step::text, 'at'], to_jsonb(now() - interval '1 minute'))
        WHERE rule_code = $1 AND subject_key = $2 AND status = 'scheduled'`,
      [rule, winId],
    );
  const answer = (path: string, form: Record<string, string>) => answerLink(api, path, form);
  const ifMatch = (etag?: string): Record<string, string> => (etag ? { 'if-match': etag } : {});
  const patch = (id: string, token: string, body: unknown, etag?: string) =>
    call('PATCH', `/api/v1/export-wins/${id}`, token, body, ifMatch(etag));
  const resend = (id: string, token: string, etag?: string) =>
    call('POST', `/api/v1/export-wins/${id}/resend-verification`, token, undefined, ifMatch(etag));
  const audits = async (id: string): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT action, after FROM audit_event WHERE entity_type = 'export_win' AND entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );

  it('reminds the company (in German, with its link) while unanswered, and tells the adviser when it expires', async () => {
    const { id, path } = await recordWin();
    const [unanswered] = await followUps(id, 'win-verification-unanswered');
    expect(unanswered).toMatchObject({ status: 'scheduled', step: 0 });
    const [expiry] = await followUps(id, 'win-verification-expired');
    const [{ verification_expires_at: expiresAt }] = await api.dataSource.query(
      `SELECT verification_expires_at FROM export_wins WHERE id = $1`,
      [id],
    );
    expect(new Date(expiry.anchor_at as string).getTime()).toBe(new Date(expiresAt as string).getTime());

    // A week passes unanswered: the sweep fires the reminder, delivered to the company's contact.
    await dueNow(id, 'win-verification-unanswered');
    const reminderFor = (m: { subject: string }) => /Erinnerung: Bitte bestätigen/.test(m.subject);
    await eventually(() => smtp.to(kase.sme.user.email).some(reminderFor), 20_000, 'reminder email');
    const [reminder] = smtp.to(kase.sme.user.email).filter(reminderFor);
    expect(reminder.text).toContain(path);
    expect(reminder.text.replace(/\u00a0/g, ' ')).toContain('45.000,00 €');
    // …and waits for its second step.
    await eventually(
      async () => (await followUps(id, 'win-verification-unanswered'))[0].step === 1,
      20_000,
      'second reminder scheduled',
    );

    // The link expires unanswered: the adviser hears of it, with the way to the case's wins.
    await dueNow(id, 'win-verification-expired');
    const expiredFor = (m: { subject: string }) => /was not confirmed/.test(m.subject);
    await eventually(() => smtp.to(adviser.user.email).some(expiredFor), 20_000, 'expiry email');
    const [told] = smtp.to(adviser.user.email).filter(expiredFor);
    expect(told.text).toContain(`/cases/${kase.caseId}/export-wins#win-${id}`);
    expect(told.text).toContain('Resend the link');
  });

  it('stops reminding once the company answers, and an answered link cannot be answered again', async () => {
    const { id, path } = await recordWin();
    const first = await answer(path, { answer: 'confirm', rating: '5' });
    expect(first.posted.status).toBe(303);
    for (const rule of ['win-verification-unanswered', 'win-verification-expired'])
      expect((await followUps(id, rule)).map((f) => f.status)).toEqual(['done']);
    const again = await answer(path, { answer: 'dispute', rating: '1', comment: 'No' });
    expect(again.posted.status).toBe(409);
    const [row] = await api.dataSource.query(`SELECT verification_status FROM export_wins WHERE id = $1`, [
      id,
    ]);
    expect(row.verification_status).toBe('confirmed');
    // Nothing to resend once answered: the adviser corrects the win instead.
    const refused = await resend(id, tokens.adviser);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('export_win.answered');
  });

  it('resends: a new link in a new email, the old one stops working, the reminders follow the new one', async () => {
    const { id, path: old } = await recordWin();
    const read = await call('GET', `/api/v1/export-wins/${id}`, tokens.adviser);
    const version = read.json.version as number;

    // Who may not work the case sees nothing; a stale If-Match is a conflict.
    for (const who of ['otherAdviser', 'sme']) expect((await resend(id, tokens[who])).status).toBe(404);
    const stale = await resend(id, tokens.adviser, `"${version - 1}"`);
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'export_win.version_conflict', currentVersion: version });

    const res = await resend(id, tokens.adviser, `"${version}"`);
    expect(res.status).toBe(200);
    expect(res.etag).toBe(`"${res.json.version}"`);
    expect(res.json.verification).toMatchObject({ state: 'awaiting', answeredAt: null });
    const paths = await links(id);
    expect(paths).toHaveLength(2);
    expect(paths[1]).not.toBe(old);

    expect((await webSession(api).get(old)).status).toBe(404);
    expect((await answer(old, { answer: 'confirm', rating: '5' })).posted.status).toBe(404);
    expect((await webSession(api).get(paths[1])).status).toBe(200);

    const reminders = await followUps(id, 'win-verification-unanswered');
    expect(reminders.filter((f) => f.status === 'scheduled')).toHaveLength(1);
    expect(reminders.find((f) => f.status === 'scheduled')!.source_key).not.toBe(reminders[0].source_key);
    const sent = (await audits(id)).filter((a) => a.action === 'export_win.verification_sent');
    expect(sent.map((a) => (a.after as Json).reason)).toEqual(['recorded', 'resent']);

    expect((await answer(paths[1], { answer: 'confirm', rating: '4' })).posted.status).toBe(303);
  });

  it('corrects a confirmed, signed-off win: the sign-off is withdrawn and the company is asked again', async () => {
    const { id, path: old } = await recordWin();
    expect((await answer(old, { answer: 'confirm', rating: '5' })).posted.status).toBe(303);
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.officer)).status).toBe(200);
    const read = await call('GET', `/api/v1/export-wins/${id}`, tokens.adviser);
    expect(read.json.confirmedValue).toBe(true);
    const version = read.json.version as number;
    const change = { valuesMinor: [1_200_000, 3_000_000], notes: 'First year was smaller' };

    for (const who of ['otherAdviser', 'sme'])
      expect((await patch(id, tokens[who], change, `"${version}"`)).status).toBe(404);
    const unversioned = await patch(id, tokens.adviser, change);
    expect(unversioned.status).toBe(400);
    expect((unversioned.json.errors as Json[]).map((e) => e.field)).toEqual(['version']);
    const invalid = await patch(id, tokens.adviser, { valuesMinor: [], customerName: null }, `"${version}"`);
    expect(invalid.status).toBe(400);
    expect((invalid.json.errors as Json[]).map((e) => e.field).sort()).toEqual([
      'customerName',
      'valuesMinor',
    ]);
    expect((await patch(id, tokens.adviser, change, `"${version - 1}"`)).status).toBe(409);

    const corrected = await patch(id, tokens.adviser, change, `"${version}"`);
    expect(corrected.status).toBe(200);
    expect(corrected.etag).toBe(`"${corrected.json.version}"`);
    expect(corrected.json).toMatchObject({
      total: { amountMinor: 4_200_000, currency: expect.any(String) as unknown },
      notes: 'First year was smaller',
      confirmedValue: false,
      verification: { state: 'awaiting', answeredAt: null, companyRating: null, signedOffAt: null },
    });
    const [audit] = (await audits(id)).filter((a) => a.action === 'export_win.corrected');
    expect(audit.after).toMatchObject({ totalMinor: 4_200_000, signedOff: false });

    // The answered link is retired; the new one shows the corrected value and takes an answer.
    const paths = await links(id);
    expect(paths).toHaveLength(2);
    expect((await webSession(api).get(old)).status).toBe(404);
    const page = await webSession(api).get(`${paths[1]}?lang=en`);
    expect((await page.text()).replace(/\u00a0/g, ' ')).toContain('€42,000.00');
    expect((await answer(paths[1], { answer: 'confirm', rating: '5' })).posted.status).toBe(303);
    const after = await call('GET', `/api/v1/export-wins/${id}`, tokens.adviser);
    expect(after.json.verification.state).toBe('confirmed');
    expect(after.json.confirmedValue).toBe(false); // signed off again by an officer before it counts
  });

  it("gives the adviser the state, a resend button and a correction form on the case's page (CSRF, GOV.UK errors)", async () => {
    const { id, path: old } = await recordWin();
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const list = await (await web.get(`/cases/${kase.caseId}/export-wins`)).text();
    expect(list).toContain('Claimed: awaiting the company&#39;s confirmation');
    expect(list).toContain(`action="/cases/${kase.caseId}/export-wins/${id}/resend"`);
    expect(list).toContain(`href="/cases/${kase.caseId}/export-wins/${id}/edit"`);

    const forged = await web.post(`/cases/${kase.caseId}/export-wins/${id}/resend`, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await links(id)).toHaveLength(1);
    const resent = await web.post(`/cases/${kase.caseId}/export-wins/${id}/resend`, {});
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toContain('notice=resent');
    expect(await links(id)).toHaveLength(2);
    expect((await webSession(api).get(old)).status).toBe(404);

    // Another adviser cannot reach the form or the action.
    const other = await signInWeb(api, otherAdviser.user.email, otherAdviser.password);
    expect((await other.get(`/cases/${kase.caseId}/export-wins/${id}/edit`)).status).toBe(404);
    expect((await other.post(`/cases/${kase.caseId}/export-wins/${id}/resend`, {})).status).toBe(404);

    const form = await web.get(`/cases/${kase.caseId}/export-wins/${id}/edit?lang=es`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('Corregir un éxito de exportación');
    expect(html).toContain('value="15000,00"');
    const version = /name="version" value="(\d+)"/.exec(html)![1];
    const fields = {
      customerName: 'Hafenkontor GmbH',
      customerCountry: 'DE',
      goodsOrServices: 'goods',
      description: 'Oat biscuits for a Hamburg wholesaler',
      winType: 'new_market',
      currency: 'EUR',
      firstYear: '2027',
      value1: '15000',
      value2: '35000',
      supportDecisive: 'yes',
      version,
    };
    const bad = await web.post(`/cases/${kase.caseId}/export-wins/${id}/edit`, { ...fields, value1: 'lots' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('govuk-error-summary');
    const saved = await web.post(`/cases/${kase.caseId}/export-wins/${id}/edit`, fields);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('notice=corrected');
    const [row] = await api.dataSource.query(`SELECT total_minor FROM export_wins WHERE id = $1`, [id]);
    expect(Number(row.total_minor)).toBe(5_000_000);
    expect(await links(id)).toHaveLength(3);
    // The form posted again with the version it was based on is now stale: the page says so.
    const conflict = await web.post(`/cases/${kase.caseId}/export-wins/${id}/edit?lang=de`, fields);
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain('Dieser Erfolg wurde geändert');
  });
});

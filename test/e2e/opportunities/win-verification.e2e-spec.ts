import { WinLinks } from '@app/opportunities';
import { randomUUID } from 'node:crypto';
import { buildCase, buildTokens, buildUser, type SmeCase, type TestUser } from '../../factories';
import { answerLink, signInWeb, webSession } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

const BOOT_TIMEOUT_MS = 180_000;

const win = {
  customerName: 'Hafenkontor GmbH',
  customerCountry: 'DE',
  goodsOrServices: 'goods',
  description: 'Oat biscuits for a Hamburg wholesaler',
  winType: 'new_market',
  currency: 'EUR',
  firstYear: 2027,
  valuesMinor: [1_500_000, 3_000_000],
  supportDecisive: true,
};

describe('export wins: the company confirms through a signed, single-use link; an officer signs off', () => {
  let api: TestApi;
  let adviser: TestUser;
  let officer: TestUser;
  let kase: SmeCase;
  let tokens: Record<string, string>;
  const call = jsonCaller(() => api.url);

  /** Records a win and returns it with the link path its email carries. */
  const recordWin = async (): Promise<{ id: string; path: string; token: string }> => {
    const res = await call('POST', `/api/v1/cases/${kase.caseId}/export-wins`, tokens.adviser, win);
    expect(res.status).toBe(201);
    const [mail] = (await api.dataSource.query(
      `SELECT body_text, language, recipient_email FROM notification
        WHERE kind = 'export-win-verification.sme' AND idempotency_key LIKE $1`,
      [`export-win-verification:${res.json.id}:%`],
    )) as Json[];
    const link = /https?:\/\/\S+\/export-wins\/verify\/(\S+?)\?lang=(\w\w)/.exec(mail.body_text as string)!;
    return { id: res.json.id as string, path: `/export-wins/verify/${link[1]}`, token: link[1] };
  };
  const row = async (id: string): Promise<Json> =>
    (
      (await api.dataSource.query(
        `SELECT verification_status, company_rating, company_comment, signed_off_at FROM export_wins WHERE id = $1`,
        [id],
      )) as Json[]
    )[0];
  /** A visitor with the link, signed in as nobody, JavaScript off (plain form posts). */
  const answer = (path: string, form: Record<string, string>) => answerLink(api, path, form);

  beforeAll(async () => {
    api = await startTestApi();
    adviser = await buildUser(api, 'adviser');
    officer = await buildUser(api, 'officer');
    // The company's contact reads German (the SME enrolled in German).
    kase = await buildCase(api, { adviserId: adviser.user.id, lang: 'de' });
    tokens = await buildTokens(api, { adviser, officer, sme: kase.sme });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it("emails the company's primary contact a link in their language; the adviser sees it awaiting", async () => {
    const res = await call('POST', `/api/v1/cases/${kase.caseId}/export-wins`, tokens.adviser, win);
    const [mail] = (await api.dataSource.query(
      `SELECT n.id, n.body_text, n.language, n.recipient_email FROM notification n
        WHERE n.kind = 'export-win-verification.sme' AND n.idempotency_key LIKE $1`,
      [`export-win-verification:${res.json.id}:%`],
    )) as Json[];
    expect(mail).toMatchObject({ language: 'de', recipient_email: kase.sme.user.email });
    expect((mail.body_text as string).replace(/\u00a0/g, ' ')).toContain('45.000,00 €');
    expect(mail.body_text).toMatch(/\/export-wins\/verify\/[^\s?]+\?lang=de/);
    const outbox = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'notification.created' AND aggregate_id = $1`,
      [mail.id],
    );
    expect(outbox[0].n).toBe(1);
    expect(res.json.verification).toMatchObject({ state: 'awaiting', answeredAt: null });
    expect(res.json.confirmedValue).toBe(false);
  });

  it('shows the win without sign-in, and takes one answer: confirm with a rating; a second answer changes nothing', async () => {
    const { id, path } = await recordWin();
    const { page, html, posted } = await answer(path, { answer: 'confirm', rating: '5' });
    expect(page.status).toBe(200);
    expect(html).toContain('Hafenkontor GmbH');
    expect(html).toContain('€45,000.00');
    expect(posted.status).toBe(303);
    expect(await row(id)).toMatchObject({ verification_status: 'confirmed', company_rating: 5 });
    const [audit] = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'export_win' AND entity_id = $1 AND action = 'export_win.confirmed'`,
      [id],
    );
    expect(audit).toBeDefined();

    // Reuse: the same link again, to dispute what was confirmed.
    const again = await answer(path, { answer: 'dispute', rating: '1', comment: 'changed my mind' });
    expect(again.page.status).toBe(200);
    expect(again.html).toContain('Thank you for your answer');
    expect(again.posted.status).toBe(409);
    expect(await row(id)).toMatchObject({
      verification_status: 'confirmed',
      company_rating: 5,
      company_comment: null,
    });
  });

  it('needs a comment to dispute and a rating, shown with the GOV.UK error summary; a CSRF-less post is refused', async () => {
    const { id, path } = await recordWin();
    const noComment = await answer(path, { answer: 'dispute' });
    expect(noComment.posted.status).toBe(400);
    expect(noComment.body).toContain('govuk-error-summary');
    expect(noComment.body).toContain('href="#rating"');
    const withRating = await answer(path, { answer: 'dispute', rating: '2' });
    expect(withRating.posted.status).toBe(400);
    expect(withRating.body).toContain('href="#comment"');
    const forged = await webSession(api).post(path, { _csrf: 'forged', answer: 'confirm', rating: '5' });
    expect(forged.status).toBe(403);
    expect(await row(id)).toMatchObject({ verification_status: 'awaiting' });

    const disputed = await answer(path, {
      answer: 'dispute',
      rating: '2',
      comment: 'The value was 30 000 EUR',
    });
    expect(disputed.posted.status).toBe(303);
    expect(await row(id)).toMatchObject({
      verification_status: 'disputed',
      company_comment: 'The value was 30 000 EUR',
    });
    const seen = await call('GET', `/api/v1/export-wins/${id}`, tokens.adviser);
    expect(seen.json.verification).toMatchObject({ state: 'disputed', companyRating: 2 });
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.officer)).status).toBe(409);
  });

  it('resists guessing and tampering: anything the service did not sign, or a retired link, is not found', async () => {
    const { id, token } = await recordWin();
    const other = await recordWin();
    const [winId, nonce, expires, signature] = token.split('.');
    const flip = (c: string): string => (c === 'A' ? 'B' : 'A');
    const tampered = [
      `${winId}.${nonce}.${expires}.${signature.slice(0, -1)}${flip(signature.slice(-1))}`,
      `${winId}.${nonce}.${Number(expires) + 86_400}.${signature}`,
      `${other.id}.${nonce}.${expires}.${signature}`,
      `${winId}.${randomUUID()}.${expires}.${signature}`,
      `${randomUUID()}.${randomUUID()}.${expires}.${'x'.repeat(43)}`,
      'guess',
      `${winId}`,
    ];
    for (const bad of tampered) {
      const visitor = webSession(api);
      expect((await visitor.get(`/export-wins/verify/${bad}`)).status).toBe(404);
      expect(
        (await visitor.post(`/export-wins/verify/${bad}`, { answer: 'confirm', rating: '5' })).status,
      ).toBe(404);
    }
    // A link signed by the service but for a nonce the win does not hold (an earlier link) opens nothing.
    const links = api.app.get(WinLinks);
    const retired = links.token(id, randomUUID(), new Date(Date.now() + 86_400_000));
    expect((await webSession(api).get(`/export-wins/verify/${retired}`)).status).toBe(404);
    expect(await row(id)).toMatchObject({ verification_status: 'awaiting' });
  });

  it('says an expired link has expired and saves nothing', async () => {
    const { id } = await recordWin();
    const [{ verification_nonce: nonce }] = (await api.dataSource.query(
      `SELECT verification_nonce FROM export_wins WHERE id = $1`,
      [id],
    )) as Json[];
    const expired = api.app.get(WinLinks).token(id, nonce as string, new Date(Date.now() - 1000));
    const visitor = webSession(api);
    const page = await visitor.get(`/export-wins/verify/${expired}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired');
    const posted = await visitor.post(`/export-wins/verify/${expired}`, { answer: 'confirm', rating: '5' });
    expect(posted.status).toBe(410);
    expect(await row(id)).toMatchObject({ verification_status: 'awaiting' });
  });

  it('lets an officer sign off a confirmed win once; only then is it confirmed export value', async () => {
    const { id, path } = await recordWin();
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.officer)).status).toBe(409);
    await answer(path, { answer: 'confirm', rating: '4' });
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.adviser)).status).toBe(404);
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.sme)).status).toBe(404);

    const web = await signInWeb(api, officer.user.email, officer.password);
    const list = await (await web.get(`/cases/${kase.caseId}/export-wins`)).text();
    expect(list).toContain(`/cases/${kase.caseId}/export-wins/${id}/sign-off`);
    const signed = await web.post(`/cases/${kase.caseId}/export-wins/${id}/sign-off`, {});
    expect(signed.status).toBe(303);
    const seen = await call('GET', `/api/v1/export-wins/${id}`, tokens.adviser);
    expect(seen.json).toMatchObject({ confirmedValue: true, verification: { state: 'confirmed' } });
    expect((await call('POST', `/api/v1/export-wins/${id}/sign-off`, tokens.officer)).status).toBe(409);
    const after = await (await web.get(`/cases/${kase.caseId}/export-wins`)).text();
    expect(after).toContain('Confirmed by the company · signed off');
    expect(after).not.toContain(`/cases/${kase.caseId}/export-wins/${id}/sign-off`);
  });
});

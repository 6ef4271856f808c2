import { signInWeb, WebSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { createAdviser, createStaff, Staff } from './support/advisers.factory';
import { buildCase, type SmeCase } from '../../factories';

const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('adviser and officer pages', () => {
  let api: TestApi;
  let officer: Staff;
  let adviser: Staff;
  let web: WebSession;
  let mine: SmeCase;
  let theirs: SmeCase;

  beforeAll(async () => {
    api = await startTestApi();
    officer = await createStaff(api, 'officer');
    adviser = await createAdviser(api, officer, { regions: ['london'] });
    const other = await createAdviser(api, officer, {});
    mine = await buildCase(api, {
      company: { legalName: 'Kestrel Optics Ltd' },
      adviserId: adviser.user.id,
      openedDaysAgo: 7,
    });
    theirs = await buildCase(api, { company: { legalName: 'Hidden Harbour Ltd' }, adviserId: other.user.id });
    web = await signInWeb(api, adviser.user.email, adviser.password);
  });
  afterAll(() => api?.close());

  it('shows the adviser’s caseload as a filterable table, without other advisers’ cases', async () => {
    const res = await web.get('/caseload');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('app-table-container');
    expect(html).toContain('Kestrel Optics Ltd');
    expect(html).not.toContain('Hidden Harbour Ltd');
    const filtered = await (await web.get('/caseload?q=nothing-like-this')).text();
    expect(filtered).not.toContain('Kestrel Optics Ltd');
    const bad = await web.get('/caseload?stage=nonsense');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/<title>Error:/);
  });

  it('refuses caseload and timeline cursors it did not issue with a 400 page, never a 500', async () => {
    const handMade = Buffer.from('{"s":"stage","k":"x","id":"x"}').toString('base64url');
    for (const path of ['/caseload?cursor=garbage', `/caseload?sort=stage&cursor=${handMade}`]) {
      const res = await web.get(path);
      expect([path, res.status]).toEqual([path, 400]);
      // The filter form comes back with the error summary naming the cursor.
      expect(await res.text()).toMatch(/<title>Error:[\s\S]*cursor must be the nextCursor/);
    }
    const oldTimelineCursor = Buffer.from(`2026-01-01T00:00:00.000Z|${mine.caseId}`).toString('base64url');
    for (const before of ['garbage', oldTimelineCursor]) {
      const res = await web.get(`/cases/${mine.caseId}?before=${before}`);
      expect([before, res.status]).toEqual([before, 400]);
    }
    expect((await web.get(`/cases/${mine.caseId}`)).status).toBe(200);
  });

  it('logs an interaction from the case page and shows it on the timeline', async () => {
    const page = await (await web.get(`/cases/${mine.caseId}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1];
    const res = await web.post(`/cases/${mine.caseId}/interactions`, {
      version,
      kind: 'visit',
      occurredOn: yesterday(),
      notes: 'Toured the workshop',
      barriers: ['operational', 'social_media'],
      supportMeasures: 'logistics',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cases/${mine.caseId}?notice=logged`);
    const after = await (await web.get(`/cases/${mine.caseId}?notice=logged`)).text();
    expect(after).toContain('Toured the workshop');
    expect(after).toContain('Interaction logged');
    expect(after).toContain('Social-media maturity');
  });

  it('shows field errors for a bad interaction and saves nothing', async () => {
    const res = await web.post(`/cases/${mine.caseId}/interactions`, {
      kind: '',
      occurredOn: 'soon',
      notes: '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>Error:/);
    expect(html).toContain('href="#notes"');
  });

  it('answers a stale edit with 409 and shows what changed', async () => {
    const page = await (await web.get(`/cases/${mine.caseId}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1];
    const first = await web.post(`/cases/${mine.caseId}/summary`, {
      version,
      summary: 'Ready to visit Germany',
    });
    expect(first.status).toBe(303);
    const stale = await web.post(`/cases/${mine.caseId}/summary`, { version, summary: 'Not ready yet' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone changed this case');
    expect(html).toContain('Ready to visit Germany');
    expect(html).toContain('Not ready yet');
  });

  it('shows officers the case’s own audit trail on its page, and advisers not', async () => {
    const rows = (await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 ORDER BY occurred_at DESC`,
      [mine.caseId],
    )) as { action: string }[];
    expect(rows.length).toBeGreaterThan(0); // the summary edit above, at least
    const officerWeb = await signInWeb(api, officer.user.email, officer.password);
    const html = await (await officerWeb.get(`/cases/${mine.caseId}`)).text();
    expect(html).toContain('id="case-audit-trail"');
    expect(html).toContain(`<code>${rows[0].action}</code>`);
    expect(html).toContain(`href="/admin/audit?entityType=case&amp;entityId=${mine.caseId}"`);
    expect(await (await web.get(`/cases/${mine.caseId}`)).text()).not.toContain('case-audit-trail');
  });

  it('answers 404 for a case off the adviser’s caseload, and for officer pages', async () => {
    expect((await web.get(`/cases/${theirs.caseId}`)).status).toBe(404);
    expect(
      (
        await web.post(`/cases/${theirs.caseId}/interactions`, {
          kind: 'call',
          occurredOn: yesterday(),
          notes: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await web.get('/officer/advisers')).status).toBe(404);
  });

  it('gives officers the load table and a redistribute action that needs a handover note', async () => {
    const officerWeb = await signInWeb(api, officer.user.email, officer.password);
    const res = await officerWeb.get('/officer/advisers');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(adviser.user.name);
    const noNote = await officerWeb.post(`/officer/advisers/${adviser.user.id}/redistribute`, { note: '' });
    expect(noNote.status).toBe(400);
    const done = await officerWeb.post(`/officer/advisers/${adviser.user.id}/redistribute`, {
      note: 'Going on leave',
    });
    expect(done.status).toBe(303);
    const [row] = await api.dataSource.query(
      `SELECT end_reason, end_note FROM case_assignments WHERE case_id = $1`,
      [mine.caseId],
    );
    // The adviser's open assignment is ended with the handover note.
    expect(row).toEqual({ end_reason: 'redistributed', end_note: 'Going on leave' });
    const casePage = await officerWeb.get(`/cases/${theirs.caseId}`);
    expect(casePage.status).toBe(200);
  });

  it('lets officers create and edit an adviser profile from a form, with field errors for bad input', async () => {
    const officerWeb = await signInWeb(api, officer.user.email, officer.password);
    const newcomer = await createStaff(api, 'adviser', 'Nadia Newcomer');
    const list = await (await officerWeb.get('/officer/advisers')).text();
    expect(list).toContain('Nadia Newcomer');
    expect((await officerWeb.get(`/officer/advisers/${newcomer.user.id}/profile`)).status).toBe(200);

    const bad = await officerWeb.post(`/officer/advisers/${newcomer.user.id}/profile`, {
      regions: ['london'],
      naceSections: 'C',
      markets: 'Germany',
      languages: ['en'],
      capacity: '5',
      active: 'true',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#markets"');
    expect(
      await api.dataSource.query(`SELECT 1 FROM adviser_profiles WHERE user_id = $1`, [newcomer.user.id]),
    ).toHaveLength(0);

    const created = await officerWeb.post(`/officer/advisers/${newcomer.user.id}/profile`, {
      regions: ['london', 'wales'],
      naceSections: 'c, j',
      markets: 'de, fr',
      languages: ['en', 'de'],
      capacity: '5',
      active: 'true',
    });
    expect(created.status).toBe(303);
    const [profile] = await api.dataSource.query(
      `SELECT regions, nace_sections, markets, languages, capacity FROM adviser_profiles WHERE user_id = $1`,
      [newcomer.user.id],
    );
    expect(profile).toEqual({
      regions: ['london', 'wales'],
      nace_sections: ['C', 'J'],
      markets: ['DE', 'FR'],
      languages: ['en', 'de'],
      capacity: 5,
    });

    const edited = await officerWeb.post(`/officer/advisers/${newcomer.user.id}/profile`, {
      regions: 'london',
      naceSections: 'C',
      markets: '',
      languages: 'en',
      capacity: '2',
      absentFrom: '2030-01-01',
      absentTo: '2030-01-31',
      active: 'false',
    });
    expect(edited.status).toBe(303);
    const [after] = await api.dataSource.query(
      `SELECT capacity, active, absent_from::text FROM adviser_profiles WHERE user_id = $1`,
      [newcomer.user.id],
    );
    expect(after).toEqual({ capacity: 2, active: false, absent_from: '2030-01-01' });
    // An adviser account is not an officer: the profile pages are 404 for them.
    expect((await web.get(`/officer/advisers/${newcomer.user.id}/profile`)).status).toBe(404);
  });
});

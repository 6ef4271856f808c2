import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { signInWeb } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { contentLanguageProblems, visibleText } from '../../support/page-language';
import { startTestApi, type TestApi } from '../../support/test-api';
import { buildAdviser, buildCase } from '../../factories';
import { caller, type Caller } from '../training/support/training.factory';

/**
 * The KPI reports in the reader's language: the dashboard and the definitions (names, definitions, units,
 * figures, filters, charts), the JSON's texts (its keys unchanged), and the headers of the KPI and
 * row-level downloads, with stable column codes for programs that ask for them.
 */
describe('reports in every language', () => {
  let api: TestApi;
  let officer: Caller;
  beforeAll(async () => {
    api = await startTestApi();
    officer = await caller(api, 'officer');
    const adviser = await buildAdviser(api);
    await buildCase(api, { company: { legalName: 'Kestrel Optics Ltd' }, adviserId: adviser.user.id });
  });
  afterAll(() => api?.close());

  const apiGet = (path: string, language?: string): Promise<Response> =>
    fetch(`${api.url}${path}`, {
      headers: {
        authorization: `Bearer ${officer.token}`,
        ...(language ? { 'accept-language': language } : {}),
      },
    });

  it('shows the dashboard and the definitions in Spanish and German, nothing left in English', async () => {
    const web = await signInWeb(api, officer.user.email, officer.password);
    const expected = {
      es: ['Inscripciones recibidas', 'Alcance', 'Casos por etapa exportadora ahora', 'Todas las regiones'],
      de: ['Eingegangene Anmeldungen', 'Reichweite', 'Fälle nach aktueller Exportstufe', 'Alle Regionen'],
    };
    for (const lang of ['es', 'de'] as const) {
      const html = await (await web.get(`/reports?lang=${lang}`)).text();
      expect([lang, contentLanguageProblems(html, lang)]).toEqual([lang, []]);
      const text = visibleText(html, lang);
      for (const words of expected[lang]) expect(text).toContain(words);
      expect(text).not.toContain('Enrolments received');
      expect(text).not.toContain('No comparison');

      const definitions = await (await web.get(`/reports/definitions?lang=${lang}`)).text();
      expect([lang, contentLanguageProblems(definitions, lang)]).toEqual([lang, []]);
      expect(visibleText(definitions, lang)).toContain(expected[lang][0]);
      expect(visibleText(definitions, lang)).not.toContain('A figure for now, whatever the period');
    }
    await web.get('/reports?lang=en');
  });

  it('words the JSON in the requester’s language and keeps its keys and codes', async () => {
    const [english, spanish] = await Promise.all(
      [undefined, 'es'].map(async (lang) => readJson(await apiGet('/api/v1/reports/kpis', lang))),
    );
    const names = (report: Json): [string, string][] =>
      (report.groups as Json[]).flatMap((g) =>
        (g.kpis as Json[]).map((k): [string, string] => [String(k.key), String(k.name)]),
      );
    expect(names(english)).toContainEqual(['reach.enrolments_received', 'Enrolments received']);
    expect(names(spanish)).toContainEqual(['reach.enrolments_received', 'Inscripciones recibidas']);
    expect(names(spanish).map(([key]) => key)).toEqual(names(english).map(([key]) => key));
    expect((spanish.groups as Json[]).map((g) => g.key)).toEqual(
      (english.groups as Json[]).map((g) => g.key),
    );
  });

  it('heads the KPI CSV and XLSX in the requester’s language, or with stable codes when asked', async () => {
    const csv = async (query: string, lang?: string): Promise<string[][]> =>
      parse(await (await apiGet(`/api/v1/reports/kpis?format=csv${query}`, lang)).text(), {
        relax_column_count: true,
      }) as string[][];
    const german = await csv('', 'de');
    expect(german).toContainEqual(['Umfang', 'Gesamtes Programm']);
    const head = german.find((r) => r[0] === 'Gruppe');
    expect(head?.slice(0, 3)).toEqual(['Gruppe', 'KPI-Schlüssel', 'Kennzahl']);
    expect(german).toContainEqual(
      expect.arrayContaining(['Reichweite', 'reach.enrolments_received', 'Eingegangene Anmeldungen']),
    );
    const keys = await csv('&headers=keys', 'de');
    expect(keys.find((r) => r[0] === 'group')?.slice(0, 3)).toEqual(['group', 'kpi_key', 'kpi']);
    const refused = await apiGet('/api/v1/reports/kpis?format=csv&headers=fancy');
    expect(refused.status).toBe(400);

    const xlsx = await apiGet('/api/v1/reports/kpis?format=xlsx', 'es');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toContain('Portada');
    expect(workbook.worksheets.map((s) => s.name)).toContain('Alcance');
    expect(workbook.worksheets[1].getRow(1).getCell(1).value).toBe('Clave del indicador');
  });

  it('downloads from the dashboard in the signed-in person’s remembered language', async () => {
    const web = await signInWeb(api, officer.user.email, officer.password);
    const html = await (await web.get('/reports?lang=de')).text();
    const link = /href="([^"]+)" id="download-csv"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    const rows = parse(await (await web.get(link!)).text(), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['SME Export Programme — KPI-Bericht']);
    expect(rows.find((r) => r[0] === 'Gruppe')).toBeDefined();
    await web.get('/reports?lang=en');
  });

  it('keeps the requester’s language and the header choice on a row-level export', async () => {
    const post = (body: Json, language: string): Promise<Response> =>
      fetch(`${api.url}/api/v1/reports/exports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${officer.token}`,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify(body),
      });
    const spanish = await readJson(await post({ format: 'csv' }, 'es'));
    const keyed = await readJson(await post({ format: 'xlsx', headers: 'keys' }, 'de'));
    const stored = (await api.dataSource.query(
      `SELECT id, request FROM report_exports WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
      [[spanish.id, keyed.id]],
    )) as { id: string; request: Json }[];
    expect(stored.map((r) => [r.request.language, r.request.headers])).toEqual([
      ['es', undefined],
      ['de', 'keys'],
    ]);
    expect((await post({ format: 'csv', headers: 'fancy' }, 'en')).status).toBe(400);

    // The exports page describes them in its language; the API keeps its English description.
    await post({ format: 'csv', region: 'london', sizeBand: 'small' }, 'en');
    const web = await signInWeb(api, officer.user.email, officer.password);
    const page = await (await web.get('/reports/exports?lang=de')).text();
    expect(contentLanguageProblems(page, 'de')).toEqual([]);
    const text = visibleText(page, 'de');
    expect(text).toContain('Alle Fälle');
    expect(text).toContain('Region London, Größe Klein');
    expect(text).not.toContain('all cases');
    const listed = await readJson(await apiGet('/api/v1/reports/exports', 'de'));
    expect((listed.items as Json[]).map((e) => e.description)).toContain('region london, small companies');
    await web.get('/reports/exports?lang=en');
  });
});

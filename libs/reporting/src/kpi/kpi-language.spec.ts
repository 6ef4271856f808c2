import { reportIn } from './kpi-language';
import type { KpiBreakdownRow, KpiGroupKey, KpiReport, KpiValue } from './kpi-report';

/** A count KPI with a breakdown, worded in English as the registry words it. */
const kpi = (key: string, name: string, title: string, rows: KpiBreakdownRow[]): KpiValue => ({
  key,
  group: key.split('.')[0] as KpiGroupKey,
  name,
  definition: `${name}, defined.`,
  unit: 'count',
  value: rows.reduce((sum, row) => sum + (row.value ?? 0), 0),
  previous: null,
  breakdown: { title, unit: 'count', rows },
});

/** A report of these groups (English titles as the registry has them), each a key and its KPIs. */
const reportOf = (...groups: [KpiGroupKey, string, KpiValue[]][]): KpiReport => ({
  filters: { from: '2026-04-01', to: '2027-03-31' },
  scope: { kind: 'programme' },
  generatedAt: '2026-11-22T10:15:30.000Z',
  dataAsOf: '2026-11-22T10:15:30.000Z',
  groups: groups.map(([key, title, kpis]) => ({ key, title, kpis })),
});

const report = reportOf(
  [
    'progression',
    'Progression',
    [
      kpi('progression.non_to_passive', 'Non-exporters who became passive exporters', 'By month', [
        { key: '2026-05', label: '2026-05', value: 3 },
      ]),
      kpi('progression.cases_by_stage', 'Cases by export stage', 'By stage', [
        { key: 'passive_exporter', label: 'Passive exporter', value: 2 },
      ]),
    ],
  ],
  [
    'outcomes',
    'Outcomes',
    [
      kpi('outcomes.new_markets_entered', 'New markets entered', 'By country', [
        { key: 'DE', label: 'Germany', value: 1 },
        { key: 'unknown', label: 'Not recorded', value: 1 },
      ]),
    ],
  ],
);

describe('reportIn', () => {
  it('words group titles, KPI names, definitions, breakdown titles and row labels in the language', () => {
    const german = reportIn(report, 'de');
    expect(german.groups.map((g) => g.title)).toEqual(['Fortschritt', 'Ergebnisse']);
    const [moved, stages] = german.groups[0].kpis;
    expect(moved.name).toBe('Nicht-Exporteure, die passive Exporteure wurden');
    expect(moved.breakdown?.title).toBe('Nach Monat');
    expect(moved.breakdown?.rows[0].label).toBe('Mai 2026');
    expect(stages.breakdown?.rows[0].label).toBe('Passiver Exporteur');
    expect(german.groups[1].kpis[0].breakdown?.rows.map((r) => r.label)).toEqual([
      'Deutschland',
      'Nicht erfasst',
    ]);
    expect(reportIn(report, 'es').groups[1].kpis[0].definition).toBe(
      'Nuevos mercados de exportación registrados como abiertos en el periodo, por país.',
    );
  });

  it('names training modules by their own title in the language, or as the report did', () => {
    const training = reportOf([
      'engagement',
      'Engagement',
      [
        kpi('engagement.training_completions', 'Training modules completed', 'By module', [
          { key: 'social-media-foundations', label: 'Social media foundations', value: 2 },
          { key: 'unknown-module', label: 'Unknown module', value: 1 },
        ]),
      ],
    ]);
    const titles = {
      'social-media-foundations': { en: 'Social media foundations', es: 'Fundamentos de redes sociales' },
    };
    const rows = reportIn(training, 'es', titles).groups[0].kpis[0].breakdown?.rows;
    expect(rows?.map((r) => r.label)).toEqual(['Fundamentos de redes sociales', 'Unknown module']);
  });

  it('keeps every key, unit and number as it is', () => {
    const strip = (r: KpiReport): unknown =>
      r.groups.map((g) => [
        g.key,
        g.kpis.map((k) => [
          k.key,
          k.unit,
          k.value,
          k.previous,
          k.breakdown?.rows.map((x) => [x.key, x.value]),
        ]),
      ]);
    expect(strip(reportIn(report, 'es'))).toEqual(strip(report));
    expect(reportIn(report, 'en').groups[0].kpis[0].name).toBe(report.groups[0].kpis[0].name);
  });
});

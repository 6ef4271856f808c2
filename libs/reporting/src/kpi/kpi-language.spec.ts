import { reportIn } from './kpi-language';
import type { KpiReport } from './kpi-report';

const report: KpiReport = {
  filters: { from: '2026-04-01', to: '2027-03-31' },
  scope: { kind: 'programme' },
  generatedAt: '2026-11-22T10:15:30.000Z',
  dataAsOf: '2026-11-22T10:15:30.000Z',
  groups: [
    {
      key: 'progression',
      title: 'Progression',
      kpis: [
        {
          key: 'progression.non_to_passive',
          group: 'progression',
          name: 'Non-exporters who became passive exporters',
          definition: 'Cases that moved from non-exporter to passive exporter in the period, by month.',
          unit: 'count',
          value: 3,
          previous: 1,
          breakdown: {
            title: 'By month',
            unit: 'count',
            rows: [{ key: '2026-05', label: '2026-05', value: 3 }],
          },
        },
        {
          key: 'progression.cases_by_stage',
          group: 'progression',
          name: 'Cases by export stage',
          definition: 'Every case.',
          unit: 'count',
          value: 2,
          previous: null,
          breakdown: {
            title: 'By stage',
            unit: 'count',
            rows: [{ key: 'passive_exporter', label: 'Passive exporter', value: 2 }],
          },
        },
      ],
    },
    {
      key: 'outcomes',
      title: 'Outcomes',
      kpis: [
        {
          key: 'outcomes.new_markets_entered',
          group: 'outcomes',
          name: 'New markets entered',
          definition: 'New export markets recorded as entered in the period, by country.',
          unit: 'count',
          value: 2,
          previous: 0,
          breakdown: {
            title: 'By country',
            unit: 'count',
            rows: [
              { key: 'DE', label: 'Germany', value: 1 },
              { key: 'unknown', label: 'Not recorded', value: 1 },
            ],
          },
        },
      ],
    },
  ],
};

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

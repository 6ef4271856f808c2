import { parseKpiQuery, parseKpiSelection, type KpiQueryContext } from './kpi-query';

const ctx: KpiQueryContext = {
  today: '2025-11-22',
  financialYearStartMonth: 4,
  regions: ['london', 'wales'],
  sectors: ['C', 'G'],
};
const fields = (raw: Record<string, unknown>): string[] => parseKpiQuery(raw, ctx).errors.map((e) => e.field);

describe('parseKpiQuery', () => {
  it('defaults to this financial year to date, as JSON', () => {
    expect(parseKpiQuery({}, ctx).value).toEqual({
      filters: { from: '2025-04-01', to: '2025-11-22' },
      format: 'json',
    });
  });

  it('turns a financial year or quarter into dates', () => {
    expect(parseKpiQuery({ financialYear: '2024' }, ctx).value?.filters).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
    });
    expect(parseKpiQuery({ financialYear: '2024', quarter: '3' }, ctx).value?.filters).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
  });

  it('keeps every known filter, normalised', () => {
    const parsed = parseKpiQuery(
      {
        from: '2025-04-01',
        to: '2025-06-30',
        region: 'wales',
        sector: 'g',
        adviserId: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
        sizeBand: 'micro',
        stageAtEnrolment: 'non_exporter',
        format: 'xlsx',
      },
      ctx,
    );
    expect(parsed.value).toEqual({
      filters: {
        from: '2025-04-01',
        to: '2025-06-30',
        region: 'wales',
        sector: 'G',
        adviserId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        sizeBand: 'micro',
        stageAtEnrolment: 'non_exporter',
      },
      format: 'xlsx',
    });
  });

  it('names every bad field at once', () => {
    expect(fields({ from: '2025-06-30', to: '2025-04-01' })).toEqual(['to']);
    expect(fields({ from: '2025-02-30', to: 'soon' })).toEqual(['from', 'to']);
    expect(fields({ from: '2025-01-01' })).toEqual(['to']);
    expect(fields({ from: '1999-12-31', to: '2025-01-01' })).toEqual(['from']);
    expect(fields({ from: '2025-01-01', to: '2026-11-24' })).toEqual(['to']);
    expect(fields({ from: '2025-01-01', to: '2026-11-23' })).toEqual([]);
    expect(fields({ from: '2000-01-01', to: '2025-01-01' })).toEqual(['to']); // more than 10 years
    expect(
      fields({ region: 'mars', sector: 'Z', sizeBand: 'large', stageAtEnrolment: 'x', format: 'pdf' }).sort(),
    ).toEqual(['format', 'region', 'sector', 'sizeBand', 'stageAtEnrolment']);
    expect(fields({ adviserId: '42' })).toEqual(['adviserId']);
    expect(fields({ colour: 'blue' })).toEqual(['colour']);
    expect(fields({ region: ['london', 'wales'] })).toEqual(['region']);
    expect(fields({ financialYear: '2025', from: '2025-04-01', to: '2025-05-01' })).toEqual([
      'financialYear',
    ]);
    expect(fields({ financialYear: '25' })).toEqual(['financialYear']);
    expect(fields({ financialYear: '2027' })).toEqual(['financialYear']);
    expect(fields({ financialYear: '2025', quarter: '0' })).toEqual(['quarter']);
  });

  it('treats blank form fields as not given', () => {
    expect(
      parseKpiQuery({ from: '2025-04-01', to: '2025-04-30', region: '', sector: ' ' }, ctx).value?.filters,
    ).toEqual({
      from: '2025-04-01',
      to: '2025-04-30',
    });
  });
});

describe('parseKpiSelection', () => {
  it('means every KPI when absent or blank', () => {
    expect(parseKpiSelection(undefined)).toEqual({ errors: [] });
    expect(parseKpiSelection(' , ')).toEqual({ errors: [] });
  });

  it('takes keys separated by commas or the parameter repeated, once each', () => {
    expect(parseKpiSelection('reach.smes_assisted, outcomes.export_wins').keys).toEqual([
      'reach.smes_assisted',
      'outcomes.export_wins',
    ]);
    expect(parseKpiSelection(['reach.smes_assisted', 'reach.smes_assisted,barriers.in_audits']).keys).toEqual(
      ['reach.smes_assisted', 'barriers.in_audits'],
    );
  });

  it('names the keys it does not know, and refuses what is not text', () => {
    const { keys, errors } = parseKpiSelection('reach.smes_assisted,reach.nope,colour');
    expect(keys).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'kpi',
        code: 'isIn',
        message: expect.stringMatching(/^reach\.nope, colour are not KPIs/),
      }),
    ]);
    expect(parseKpiSelection({ a: 1 }).errors[0]).toMatchObject({ field: 'kpi', code: 'isString' });
  });
});

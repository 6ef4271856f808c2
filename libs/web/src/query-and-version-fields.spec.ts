import { IsOptional } from 'class-validator';
import { validateForm } from './form-validation';
import { IsQueryDate } from './is-query-date.decorator';
import { IsRecordVersion } from './is-record-version.decorator';

class Filter {
  @IsOptional()
  @IsQueryDate('from')
  from?: Date;

  @IsRecordVersion()
  version?: number;
}

const fieldsOf = async (input: Record<string, unknown>) =>
  (await validateForm(Filter, input)).errors.map((e) => e.field);

describe('IsQueryDate', () => {
  it('takes ISO dates PostgreSQL can hold', async () => {
    const { value, errors } = await validateForm(Filter, { from: '2026-01-31' });
    expect(errors).toEqual([]);
    expect(value.from?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it.each(['-271821-04-20', '+275760-09-13', '0001-01-01', 'yesterday', '2026-13-01'])(
    'refuses %j',
    async (from) => {
      expect(await fieldsOf({ from })).toEqual(['from']);
    },
  );
});

describe('IsRecordVersion', () => {
  it('takes a JSON number or a form field’s text', async () => {
    expect((await validateForm(Filter, { version: '7' })).value.version).toBe(7);
    expect(await fieldsOf({ version: 7 })).toEqual([]);
    expect(await fieldsOf({})).toEqual([]);
  });

  it.each(['seven', '0', '-1', '1.5', '9999999999', 1e20])('refuses %j', async (version) => {
    expect(await fieldsOf({ version })).toEqual(['version']);
  });
});

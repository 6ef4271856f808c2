import type { FieldError } from '@app/errors';
import countries from 'i18n-iso-countries';
import type { RecordOutcomeDto } from '../dto/record-outcome.dto';

/** YYYY-MM-DD of today in the programme's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Rules the DTO's decorators cannot express: what each kind needs, a real country and date, and no date
 * after tomorrow (tomorrow is allowed because an SME abroad may already be a day ahead).
 */
export function outcomeProblems(dto: RecordOutcomeDto, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const date = new Date(`${dto.occurredOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dto.occurredOn)
    problems.push({ field: 'occurredOn', message: 'occurredOn is not a real date', code: 'isDate' });
  else if (dto.occurredOn > addDays(today, 1))
    problems.push({ field: 'occurredOn', message: 'occurredOn cannot be after tomorrow', code: 'notFuture' });
  if (dto.country !== undefined && !countries.isValid(dto.country))
    problems.push({
      field: 'country',
      message: `${dto.country} is not a known country code`,
      code: 'isCountry',
    });
  const needsCountry =
    dto.kind === 'new_market_entered' || dto.kind === 'export_win' || dto.kind === 'distributor_signed';
  if (needsCountry && dto.country === undefined)
    problems.push({ field: 'country', message: 'country is required for this outcome', code: 'isNotEmpty' });
  if (dto.kind === 'export_win') {
    if (dto.valueMinor === undefined)
      problems.push({
        field: 'valueMinor',
        message: 'valueMinor is required for an export win',
        code: 'isNotEmpty',
      });
    if (dto.currency === undefined)
      problems.push({
        field: 'currency',
        message: 'currency is required for an export win',
        code: 'isNotEmpty',
      });
  }
  if ((dto.valueMinor === undefined) !== (dto.currency === undefined) && dto.kind !== 'export_win')
    problems.push({
      field: 'currency',
      message: 'a value needs its currency and a currency its value',
      code: 'pair',
    });
  return problems;
}

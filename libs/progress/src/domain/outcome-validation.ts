import type { FieldError } from '@app/errors';
import { addDays, isIsoDate } from '@app/time';
import countries from 'i18n-iso-countries';
import type { OutcomeKind } from './outcome-kinds';

/** What an outcome claims (the API's RecordOutcomeDto, or any other source of the same facts). */
export interface OutcomeClaim {
  kind: OutcomeKind;
  occurredOn: string;
  country?: string;
  valueMinor?: number;
  currency?: string;
}

/**
 * Rules the DTO's decorators cannot express: what each kind needs, a real country and date, and no date
 * after tomorrow (tomorrow is allowed because an SME abroad may already be a day ahead).
 */
export function outcomeProblems(dto: OutcomeClaim, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isIsoDate(dto.occurredOn))
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

import { ApiProperty } from '@nestjs/swagger';
import { formatMoney } from './format-money';

/** Money as the API answers it (docs/api.md): minor units, ISO 4217 code, and a display string. */
export interface MoneyJson {
  amountMinor: number;
  currency: string;
  formatted: string;
}

/** `{ amountMinor, currency, formatted }`, `formatted` in the caller's language (never to compute with). */
export function moneyJson(amountMinor: number, currency: string, lang = 'en'): MoneyJson {
  return { amountMinor, currency, formatted: formatMoney(amountMinor, currency, lang) };
}

/** The OpenAPI schema of MoneyJson. */
export class MoneyResponse implements MoneyJson {
  @ApiProperty({ type: 'integer', minimum: 0, example: 250000000, description: 'Minor units of currency' })
  amountMinor!: number;
  @ApiProperty({ type: 'string', minLength: 3, maxLength: 3, example: 'EUR', description: 'ISO 4217' })
  currency!: string;
  @ApiProperty({
    example: '€2,500,000.00',
    description: "For people, in the caller's language (Accept-Language); compute with amountMinor only",
  })
  formatted!: string;
}

/** The dated rate a converted figure used (config/exchange-rates.yaml). */
export class AppliedRateResponse {
  @ApiProperty({ type: 'string', minLength: 3, maxLength: 3, example: 'GBP' }) currency!: string;
  @ApiProperty({ example: 1.17, description: 'Units of the reporting currency per unit of currency' })
  rate!: number;
  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'The rate date: it applies from this day',
  })
  from!: string;
}

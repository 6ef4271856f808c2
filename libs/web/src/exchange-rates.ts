import { ConfigError, loadRulesFile, ValidateNestedObject } from '@app/config';
import { UnprocessableError } from '@app/errors';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO4217CurrencyCode, IsNumber, IsPositive, Matches } from 'class-validator';
import { minorUnitDigits } from './minor-unit-digits';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ExchangeRateEntry {
  @IsISO4217CurrencyCode() currency!: string;
  /** The first day (YYYY-MM-DD) the rate applies; it holds until the currency's next entry. */
  @Matches(DAY, { message: 'from must be a day like 2026-01-01' }) from!: string;
  /** Units of the reporting currency one unit of `currency` is worth. */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @IsPositive() rate!: number;
}

/** config/exchange-rates.yaml as written. */
export class ExchangeRatesFile {
  @IsISO4217CurrencyCode() reportingCurrency!: string;

  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNestedObject({ each: true })
  @Type(() => ExchangeRateEntry)
  rates!: ExchangeRateEntry[];
}

/** The rate a conversion used: shown beside the converted figure. */
export interface AppliedRate {
  currency: string;
  rate: number;
  /** The day the rate applies from (its "rate date"). */
  from: string;
}

/** No rate of `currency` on `on` in config/exchange-rates.yaml: a 422 naming both, never a zero. */
export class MissingExchangeRateError extends UnprocessableError {
  constructor(
    readonly currency: string,
    readonly on: string,
    readonly reportingCurrency: string,
  ) {
    super(
      'exchange_rate.missing',
      `No exchange rate from ${currency} to ${reportingCurrency} on ${on}: add one to config/exchange-rates.yaml`,
      [{ field: 'currency', code: 'exchange_rate.missing', message: `No rate for ${currency} on ${on}` }],
    );
  }
}

function realDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Dated exchange rates into the programme's reporting currency (config/exchange-rates.yaml, validated when
 * loaded). Converts integer minor units of one currency into minor units of the reporting currency at the
 * rate in effect on a day, rounded half up to a whole minor unit. A missing rate throws
 * MissingExchangeRateError: a converted total is never quietly short.
 */
export class ExchangeRates {
  readonly reportingCurrency: string;
  /** Per currency, its entries by `from` descending (the first one on or before a day applies). */
  private readonly byCurrency = new Map<string, AppliedRate[]>();

  constructor(file: ExchangeRatesFile, source = 'config/exchange-rates.yaml') {
    this.reportingCurrency = file.reportingCurrency.toUpperCase();
    for (const [i, entry] of file.rates.entries()) {
      const currency = entry.currency.toUpperCase();
      const problem = !realDay(entry.from)
        ? 'from must be a real day'
        : currency === this.reportingCurrency
          ? 'the reporting currency needs no rate'
          : this.byCurrency.get(currency)?.some((r) => r.from === entry.from)
            ? `${currency} has two rates from ${entry.from}`
            : undefined;
      if (problem) throw new ConfigError([{ setting: `rates.${i}`, message: problem }], source);
      const list = this.byCurrency.get(currency) ?? [];
      list.push({ currency, rate: entry.rate, from: entry.from });
      this.byCurrency.set(currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => b.from.localeCompare(a.from));
  }

  static load(env: NodeJS.ProcessEnv = process.env): ExchangeRates {
    return new ExchangeRates(loadRulesFile('exchange-rates.yaml', ExchangeRatesFile, env));
  }

  /** The rate of `currency` on day `on` (YYYY-MM-DD); null for the reporting currency itself. */
  rateOn(currency: string, on: string): AppliedRate | null {
    const code = currency.toUpperCase();
    if (code === this.reportingCurrency) return null;
    const found = this.byCurrency.get(code)?.find((r) => r.from <= on);
    if (!found) throw new MissingExchangeRateError(code, on, this.reportingCurrency);
    return found;
  }

  /** `amountMinor` of `currency` in minor units of the reporting currency on day `on`, and the rate used. */
  toReporting(
    amountMinor: number,
    currency: string,
    on: string,
  ): { amountMinor: number; rate: AppliedRate | null } {
    const rate = this.rateOn(currency, on);
    if (!rate) return { amountMinor, rate };
    const scale = 10 ** (minorUnitDigits(this.reportingCurrency) - minorUnitDigits(rate.currency));
    // toPrecision(15) drops binary noise (2500000 × 1.17 = 2925000.0000000005) before rounding half up.
    return { amountMinor: Math.round(Number((amountMinor * rate.rate * scale).toPrecision(15))), rate };
  }
}

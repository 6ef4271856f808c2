import { AppConfig } from '@app/config';
import { localDate } from '@app/time';
import { ExchangeRates, MissingExchangeRateError, type AppliedRate } from '@app/web';
import { Injectable } from '@nestjs/common';
import type { ExportWin } from './entities/export-win.entity';

/** A win's total in the reporting currency, at the rate of the day it was recorded. */
export interface WinInReportingCurrency {
  /** The day converted at: the day the win was recorded, in the programme's time zone. */
  on: string;
  currency: string;
  /** Null when config/exchange-rates.yaml has no rate of the win's currency that day (`missingRate`). */
  amountMinor: number | null;
  /** The dated rate used; null for a win in the reporting currency or without a rate. */
  rate: AppliedRate | null;
  missingRate: boolean;
}

/** Converts wins' totals into the programme's reporting currency (config/exchange-rates.yaml). */
@Injectable()
export class WinMoney {
  constructor(
    private readonly rates: ExchangeRates,
    private readonly config: AppConfig,
  ) {}

  inReportingCurrency(win: Pick<ExportWin, 'totalMinor' | 'currency' | 'createdAt'>): WinInReportingCurrency {
    const on = localDate(win.createdAt, this.config.PROGRAMME_TIME_ZONE);
    const currency = this.rates.reportingCurrency;
    try {
      const converted = this.rates.toReporting(win.totalMinor, win.currency, on);
      return { on, currency, amountMinor: converted.amountMinor, rate: converted.rate, missingRate: false };
    } catch (error) {
      if (!(error instanceof MissingExchangeRateError)) throw error;
      return { on, currency, amountMinor: null, rate: null, missingRate: true };
    }
  }
}

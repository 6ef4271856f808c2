import type { Language } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { reportIn, type ModuleTitles } from './kpi-language';
import type { KpiReport } from './kpi-report';

/** Puts a report in the reader's language, with the training modules' own titles in that language. */
@Injectable()
export class KpiLanguageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async reportIn(report: KpiReport, lang: Language): Promise<KpiReport> {
    if (lang === 'en') return reportIn(report, lang);
    const rows = (await this.dataSource.query(`SELECT code, title FROM training_module`)) as {
      code: string;
      title: ModuleTitles[string] | null;
    }[];
    return reportIn(report, lang, Object.fromEntries(rows.map((r) => [r.code, r.title ?? {}])));
  }
}

import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { kpiReportToCsv, writeKpiReportXlsx, type FileWording } from '../exports/kpi-formats';
import type { KpiFormat } from '../kpi/kpi-query';
import type { KpiReport } from '../kpi/kpi-report';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV and XLSX renderings of a KpiReport, written by the exports lib's kpi-formats. */
@Injectable()
export class KpiDownloads {
  available(_format: KpiFormat): boolean {
    return true;
  }

  /** The report (already in the reader's language) as `format`, its file labels as `wording` says. */
  async send(format: KpiFormat, report: KpiReport, res: Response, wording: FileWording): Promise<void> {
    const name = `kpi-report_${report.filters.from}_${report.filters.to}`;
    if (format === 'csv') {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`${name}.csv`)
        .send(kpiReportToCsv(report, wording));
      return;
    }
    if (format === 'xlsx') {
      res.status(200).type(XLSX_TYPE).attachment(`${name}.xlsx`);
      await writeKpiReportXlsx(report, res, wording);
      if (!res.writableEnded) res.end();
      return;
    }
    res.status(200).json(report);
  }
}

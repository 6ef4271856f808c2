import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { kpiReportToCsv, writeKpiReportXlsx } from '../exports/kpi-formats';
import type { KpiFormat } from '../kpi/kpi-query';
import type { KpiReport } from '../kpi/kpi-report';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV and XLSX renderings of a KpiReport, written by the exports lib's kpi-formats. */
@Injectable()
export class KpiDownloads {
  available(_format: KpiFormat): boolean {
    return true;
  }

  async send(format: KpiFormat, report: KpiReport, res: Response): Promise<void> {
    const name = `kpi-report_${report.filters.from}_${report.filters.to}`;
    if (format === 'csv') {
      res.status(200).type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(kpiReportToCsv(report));
      return;
    }
    if (format === 'xlsx') {
      res.status(200).type(XLSX_TYPE).attachment(`${name}.xlsx`);
      await writeKpiReportXlsx(report, res);
      if (!res.writableEnded) res.end();
      return;
    }
    res.status(200).json(report);
  }
}

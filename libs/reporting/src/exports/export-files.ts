import { isAbsolute, join } from 'node:path';
import { AppConfig, projectRoot } from '@app/config';

/** The folder export files live in (EXPORT_DIR, relative to the project root unless absolute). */
export function exportDir(config: AppConfig): string {
  return isAbsolute(config.EXPORT_DIR) ? config.EXPORT_DIR : join(projectRoot(), config.EXPORT_DIR);
}

/** The finished file of an export; ids are uuids, so the name cannot escape the folder. */
export function exportFilePath(config: AppConfig, id: string, format: 'csv' | 'xlsx'): string {
  return join(exportDir(config), `${id}.${format}`);
}

/** The download's file name: what it is and when it was asked for. */
export function exportDownloadName(createdAt: Date, format: 'csv' | 'xlsx'): string {
  return `cases-${createdAt.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${format}`;
}

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

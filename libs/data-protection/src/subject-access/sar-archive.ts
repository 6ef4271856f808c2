import { translator } from '@app/web';
import type { Language } from '@app/web';
import { ZipFile } from 'yazl';
import type { QueuedJob } from '../queue/queued-jobs.scanner';

export interface SubjectAccessData {
  /**
   * `full`: everything held (a subject access request, approved by a second person); `self-service`: what
   * the SME can see in the service (its own "my data" download), which says where to ask for the rest.
   */
  scope: 'full' | 'self-service';
  generatedAt: string;
  subject: { email: string; found: boolean; userId: string | null; name: string | null; role: string | null };
  /** Rows about the subject, per table (every table in the coverage map, empty ones included). */
  records: Record<string, Record<string, unknown>[]>;
  queuedJobs: QueuedJob[];
  /** Set when the queues could not be read (Redis down): the archive says so rather than failing. */
  queueScanError: string | null;
}

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const cell = (value: unknown): string =>
  escapeHtml(
    value instanceof Date
      ? value.toISOString()
      : value !== null && typeof value === 'object'
        ? JSON.stringify(value)
        : value,
  );

const title = (table: string): string => table.replace(/_/g, ' ');

/**
 * The human-readable half of the archive: one section per kind of record, counts first, in the reader's
 * language (table and column names stay as in the JSON, so the two can be read side by side).
 */
export function renderSummaryHtml(data: SubjectAccessData, lang: Language = 'en'): string {
  const t = (key: string, values: Record<string, unknown> = {}): string =>
    translator(lang)(`dataProtection.archive.${key}`, values);
  const sections = Object.entries(data.records).map(([table, rows]) => {
    if (!rows.length) return `<h2>${escapeHtml(title(table))} (0)</h2><p>${escapeHtml(t('none'))}</p>`;
    const columns = Object.keys(rows[0]);
    return `<h2>${escapeHtml(title(table))} (${rows.length})</h2>
<table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
  });
  const jobs = data.queueScanError
    ? `<p>${escapeHtml(t('queuesUnreadable', { error: data.queueScanError }))}</p>`
    : data.queuedJobs.length
      ? `<ul>${data.queuedJobs.map((j) => `<li>${escapeHtml(j.queue)} / ${escapeHtml(j.jobId)} (${escapeHtml(j.name)}): <code>${cell(j.data)}</code></li>`).join('')}</ul>`
      : `<p>${escapeHtml(t('none'))}</p>`;
  const total = Object.values(data.records).reduce((n, rows) => n + rows.length, 0);
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t('title'))}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #b1b4b6;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}</style>
</head><body>
<h1>${escapeHtml(t('heading', { email: data.subject.email }))}</h1>
<p>${escapeHtml(t('generated', { at: data.generatedAt }))} ${escapeHtml(data.subject.found ? t('account', { name: data.subject.name, role: data.subject.role }) : total ? t('noAccount') : t('notFound'))}</p>
<p>${escapeHtml(t('totals', { records: total, kinds: Object.values(data.records).filter((r) => r.length).length, jobs: data.queuedJobs.length }))}</p>
${data.scope === 'self-service' ? `<p>${escapeHtml(t('selfService'))}</p>` : ''}
${sections.join('\n')}
${data.scope === 'full' ? `<h2>${escapeHtml(t('jobsHeading', { count: data.queuedJobs.length }))}</h2>\n${jobs}` : ''}
</body></html>
`;
}

/** One zip: subject-access.json (complete, machine-readable) and summary.html (for people). */
export function buildArchive(data: SubjectAccessData, lang: Language = 'en'): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date(data.generatedAt);
  zip.addBuffer(Buffer.from(JSON.stringify(data, null, 2)), 'subject-access.json', { mtime });
  zip.addBuffer(Buffer.from(renderSummaryHtml(data, lang)), 'summary.html', { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PERSON_DATA_MAP } from '../person-data-map';
import { OWN_DATA_VIEW } from './own-data-view';
import { QueuedJobsScanner } from '../queue/queued-jobs.scanner';
import { bindScope, Subject } from '../subject';
import { ident, readTableCatalogue } from '../table-catalogue';
import type { SubjectAccessData } from './sar-archive';

/**
 * Gathers what is held about a subject: for a subject access request, the rows of every covered table and
 * matching queued jobs; for the SME's own download, what OWN_DATA_VIEW says the SME can see in the service.
 */
@Injectable()
export class SubjectAccessCollector {
  constructor(private readonly jobs: QueuedJobsScanner) {}

  async collect(m: EntityManager, subject: Subject): Promise<SubjectAccessData> {
    const tables = Object.entries(PERSON_DATA_MAP).flatMap(([table, coverage]) =>
      coverage.rows ? [{ table, rows: coverage.rows, withoutAccount: coverage.withoutAccount }] : [],
    );
    const records = await this.rows(m, subject, tables);
    let queueScanError: string | null = null;
    let queuedJobs: SubjectAccessData['queuedJobs'] = [];
    try {
      queuedJobs = await this.jobs.find([subject.userId, subject.email].filter((n): n is string => !!n));
    } catch (error) {
      queueScanError = (error as Error).message;
    }
    return this.data(subject, records, queuedJobs, queueScanError, 'full');
  }

  /** The SME's self-service copy: only what it can see in the service (see OWN_DATA_VIEW). */
  async collectOwn(m: EntityManager, subject: Subject): Promise<SubjectAccessData> {
    const tables = Object.entries(OWN_DATA_VIEW).map(([table, view]) => ({ table, ...view }));
    return this.data(subject, await this.rows(m, subject, tables), [], null, 'self-service');
  }

  private async rows(
    m: EntityManager,
    subject: Subject,
    tables: { table: string; rows: string; columns?: readonly string[]; withoutAccount?: boolean }[],
  ): Promise<SubjectAccessData['records']> {
    const catalogue = await readTableCatalogue(m);
    const records: SubjectAccessData['records'] = {};
    for (const { table, rows, columns: wanted, withoutAccount } of tables) {
      const shape = catalogue.get(table);
      if (!shape) continue;
      const omit = PERSON_DATA_MAP[table]?.omit ?? [];
      const unknown = wanted?.filter((c) => !shape.columns.has(c)) ?? [];
      if (unknown.length) throw new Error(`${table} has no column(s) ${unknown.join(', ')}`);
      const columns = (wanted ?? [...shape.columns.keys()]).filter((c) => !omit.includes(c));
      const order = shape.primaryKey.length ? ` ORDER BY ${shape.primaryKey.map(ident).join(', ')}` : '';
      const { sql, params } = bindScope(rows, subject);
      records[table] =
        subject.userId || withoutAccount
          ? ((await m.query(
              `SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} WHERE ${sql}${order}`,
              params,
            )) as Record<string, unknown>[])
          : [];
    }
    return records;
  }

  private data(
    subject: Subject,
    records: SubjectAccessData['records'],
    queuedJobs: SubjectAccessData['queuedJobs'],
    queueScanError: string | null,
    scope: SubjectAccessData['scope'],
  ): SubjectAccessData {
    return {
      scope,
      generatedAt: new Date().toISOString(),
      subject: {
        email: subject.email,
        found: !!subject.userId,
        userId: subject.userId,
        name: subject.name,
        role: subject.role,
      },
      records,
      queuedJobs,
      queueScanError,
    };
  }
}

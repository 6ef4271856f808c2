import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PERSON_DATA_MAP } from '../person-data-map';
import { QueuedJobsScanner } from '../queue/queued-jobs.scanner';
import { bindScope, Subject } from '../subject';
import { ident, readTableCatalogue } from '../table-catalogue';
import type { SubjectAccessData } from './sar-archive';

/** Gathers everything held about a subject: rows of every covered table, and matching queued jobs. */
@Injectable()
export class SubjectAccessCollector {
  constructor(private readonly jobs: QueuedJobsScanner) {}

  async collect(m: EntityManager, subject: Subject): Promise<SubjectAccessData> {
    const catalogue = await readTableCatalogue(m);
    const records: Record<string, Record<string, unknown>[]> = {};
    for (const [table, coverage] of Object.entries(PERSON_DATA_MAP)) {
      const shape = catalogue.get(table);
      if (!coverage.rows || !shape) continue;
      const columns = [...shape.columns.keys()].filter((c) => !coverage.omit?.includes(c));
      const order = shape.primaryKey.length ? ` ORDER BY ${shape.primaryKey.map(ident).join(', ')}` : '';
      const { sql, params } = bindScope(coverage.rows, subject);
      records[table] = subject.userId
        ? ((await m.query(
            `SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} WHERE ${sql}${order}`,
            params,
          )) as Record<string, unknown>[])
        : [];
    }
    let queueScanError: string | null = null;
    let queuedJobs: SubjectAccessData['queuedJobs'] = [];
    try {
      queuedJobs = await this.jobs.find([subject.userId, subject.email].filter((n): n is string => !!n));
    } catch (error) {
      queueScanError = (error as Error).message;
    }
    return {
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

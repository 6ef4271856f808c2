import { csvSafeCell } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type { LocalisedText } from './domain/training-formats';

export interface ModuleStats {
  moduleId: string;
  code: string;
  title: LocalisedText;
  format: string;
  retiredAt: Date | null;
  booked: number;
  waitlisted: number;
  cancelled: number;
  noShow: number;
  completed: number;
  feedbackCount: number;
  avgSatisfaction: number | null;
  avgUsefulness: number | null;
}

export interface AttendanceRow {
  bookingId: string;
  caseId: string;
  companyName: string;
  status: string;
  attendance: string | null;
  bookedAt: Date;
  completedAt: Date | null;
}

/** Officer views: per-module bookings, attendance, completion and satisfaction; per-session attendance lists. */
@Injectable()
export class TrainingReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async moduleStats(): Promise<ModuleStats[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.id AS "moduleId", m.code, m.title, m.format, m.retired_at AS "retiredAt",
              count(b.id) FILTER (WHERE b.status = 'booked')::int AS booked,
              count(b.id) FILTER (WHERE b.status = 'waitlisted')::int AS waitlisted,
              count(b.id) FILTER (WHERE b.status = 'cancelled')::int AS cancelled,
              count(b.id) FILTER (WHERE b.status = 'no_show')::int AS "noShow",
              count(b.id) FILTER (WHERE b.status = 'completed')::int AS completed,
              (SELECT count(*)::int FROM training_feedback f WHERE f.module_id = m.id) AS "feedbackCount",
              (SELECT round(avg(f.satisfaction), 1)::float FROM training_feedback f WHERE f.module_id = m.id) AS "avgSatisfaction",
              (SELECT round(avg(f.usefulness), 1)::float FROM training_feedback f WHERE f.module_id = m.id) AS "avgUsefulness"
         FROM training_module m LEFT JOIN training_booking b ON b.module_id = m.id
        GROUP BY m.id ORDER BY m.retired_at NULLS FIRST, m.code`,
    )) as ModuleStats[];
    return rows;
  }

  async attendanceList(sessionId: string): Promise<AttendanceRow[]> {
    return (await this.dataSource.query(
      `SELECT b.id AS "bookingId", b.case_id AS "caseId", COALESCE(co.trading_name, co.legal_name) AS "companyName",
              b.status, b.attendance, b.created_at AS "bookedAt", b.completed_at AS "completedAt"
         FROM training_booking b
         JOIN cases c ON c.id = b.case_id
         JOIN companies co ON co.id = c.company_id
        WHERE b.session_id = $1 AND b.status <> 'cancelled'
        ORDER BY (b.status = 'waitlisted'), b.seq`,
      [sessionId],
    )) as AttendanceRow[];
  }

  attendanceCsv(rows: AttendanceRow[]): string {
    return stringify(
      [
        ['booking_id', 'case_id', 'company', 'status', 'attendance', 'booked_at', 'completed_at'],
        ...rows.map((r) => [
          r.bookingId,
          r.caseId,
          r.companyName,
          r.status,
          r.attendance,
          r.bookedAt,
          r.completedAt,
        ]),
      ],
      // Company names come from SMEs: every text cell is made formula-safe.
      { cast: { string: csvSafeCell, date: (d) => d.toISOString() }, record_delimiter: '\r\n' },
    );
  }
}

import { seedTrainingDemo } from '@app/training';
import { startTestApi, TestApi } from '../../support/test-api';
import { caseFor } from './support/training.factory';

describe('training demo seed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('adds past and future sessions and, on existing cases, bookings in every state with feedback', async () => {
    for (let i = 0; i < 6; i++) await caseFor(api, null);
    const summary = await api.dataSource.transaction((m) => seedTrainingDemo(m));
    expect(summary.modules).toBe(10);
    expect(Object.keys(summary.bookings).sort()).toEqual([
      'booked',
      'cancelled',
      'completed',
      'no_show',
      'waitlisted',
    ]);
    expect(summary.feedback).toBeGreaterThanOrEqual(3);

    const [sessions] = (await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE starts_at < now())::int AS past, count(*) FILTER (WHERE starts_at > now())::int AS future FROM training_session`,
    )) as { past: number; future: number }[];
    expect(sessions.past).toBeGreaterThan(0);
    expect(sessions.future).toBeGreaterThan(sessions.past);
    // The demo never overbooks: booked places fit every session's capacity.
    const over = (await api.dataSource.query(
      `SELECT s.id FROM training_session s JOIN training_booking b ON b.session_id = s.id AND b.status IN ('booked', 'completed', 'no_show')
        GROUP BY s.id, s.capacity HAVING count(*) > s.capacity`,
    )) as unknown[];
    expect(over).toEqual([]);
    const certificates = (await api.dataSource.query(
      `SELECT certificate_code FROM training_booking WHERE status = 'completed'`,
    )) as { certificate_code: string }[];
    expect(certificates.every((c) => /^SMT-/.test(c.certificate_code))).toBe(true);
    // No demo booking skips a prerequisite (one booked linkedin-b2b-prospecting without the foundations).
    const skipped = (await api.dataSource.query(
      `SELECT b.case_id, m.code FROM training_booking b JOIN training_module m ON m.id = b.module_id
        CROSS JOIN LATERAL unnest(m.prerequisites) AS p(code)
        WHERE b.status IN ('booked', 'waitlisted', 'completed')
          AND NOT EXISTS (SELECT 1 FROM training_booking d JOIN training_module dm ON dm.id = d.module_id
                           WHERE d.case_id = b.case_id AND d.status = 'completed' AND dm.code = p.code)`,
    )) as unknown[];
    expect(skipped).toEqual([]);
  });
});

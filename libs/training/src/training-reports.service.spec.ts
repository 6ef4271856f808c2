import { TrainingReportsService } from './training-reports.service';

describe('attendance CSV', () => {
  it('writes a header and one row per booking, quoting where needed', () => {
    const service = new TrainingReportsService(undefined as never);
    const csv = service.attendanceCsv([
      {
        bookingId: 'b1',
        caseId: 'c1',
        companyName: '=cmd|"/c calc"!A1, "Ltd"',
        status: 'completed',
        attendance: '@attended',
        bookedAt: new Date('2027-01-01T10:00:00Z'),
        completedAt: null,
      },
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe('booking_id,case_id,company,status,attendance,booked_at,completed_at');
    // Quoted because of the comma and quotes; an apostrophe makes every formula-like cell text.
    expect(row).toBe(`b1,c1,"'=cmd|""/c calc""!A1, ""Ltd""",completed,'@attended,2027-01-01T10:00:00.000Z,`);
    expect(end).toBe('');
  });
});

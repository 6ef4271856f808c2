import { newCertificateCode, normaliseCertificateCode } from './certificate-code';
import { dueDate, withinCancellationWindow } from './due-date';

const dueDays = { self_paced: 30, webinar: 7, workshop: 7, clinic: 5 };

describe('due dates and cancellation window', () => {
  it('counts from the session end for sessions and from booking for self-paced modules', () => {
    const booked = new Date('2027-01-01T09:00:00Z');
    const ends = new Date('2027-01-10T12:00:00Z');
    expect(dueDate('webinar', dueDays, booked, ends).toISOString()).toBe('2027-01-17T12:00:00.000Z');
    expect(dueDate('clinic', dueDays, booked, ends).toISOString()).toBe('2027-01-15T12:00:00.000Z');
    expect(dueDate('self_paced', dueDays, booked).toISOString()).toBe('2027-01-31T09:00:00.000Z');
  });

  it('allows cancelling up to the cut-off and not after', () => {
    const starts = new Date('2027-01-10T12:00:00Z');
    expect(withinCancellationWindow(starts, 24, new Date('2027-01-09T12:00:00Z'))).toBe(true);
    expect(withinCancellationWindow(starts, 24, new Date('2027-01-09T12:00:01Z'))).toBe(false);
  });
});

describe('certificate codes', () => {
  it('are unique-looking, well-formed and survive lower-case typing', () => {
    const codes = new Set(Array.from({ length: 200 }, newCertificateCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(normaliseCertificateCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(normaliseCertificateCode('SMT-IIII-0000-0000')).toBeUndefined();
    expect(normaliseCertificateCode('../etc/passwd')).toBeUndefined();
  });
});

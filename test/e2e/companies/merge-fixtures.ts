import { buildBooking, buildSmeCase, type SmeCase } from '../../factories';
import type { TestApi } from '../../support/test-api';

/** Two SMEs enrolled the same firm under two registration numbers; each booked training on its own case. */
export async function buildDuplicatePair(
  api: TestApi,
): Promise<{ a: SmeCase; b: SmeCase; bookingA: string; bookingB: string }> {
  const a = await buildSmeCase(api, { answers: { company: { legalName: 'Northern Looms Ltd' } } });
  const b = await buildSmeCase(api, { answers: { company: { legalName: 'Northern Looms Limited' } } });
  const bookingA = await buildBooking(api, a.sme.user, a.caseId, { moduleCode: 'social-media-foundations' });
  const bookingB = await buildBooking(api, b.sme.user, b.caseId, { moduleCode: 'social-media-foundations' });
  return { a, b, bookingA, bookingB };
}

import { DataProtectionService } from '@app/data-protection';
import type { Change, ErasureInput } from '@app/data-protection';
import type { Actor } from '@app/identity';
import { createUser } from '../../../support/auth';
import type { TestApi } from '../../../support/test-api';

const contextOf = (actor: Actor) => ({ actorId: actor.id, requestId: 'test' });

/** Two admins: one requests, the other approves (admins may erase staff accounts too). */
export async function twoAdmins(api: TestApi): Promise<{ requester: Actor; approver: Actor }> {
  const [requester, approver] = await Promise.all([createUser(api, 'admin'), createUser(api, 'admin')]);
  return { requester: requester.user, approver: approver.user };
}

/** Erasure the way the service allows it: requested by one person, approved by a second. */
export async function eraseWithFourEyes(
  api: TestApi,
  input: ErasureInput,
  people?: { requester: Actor; approver: Actor },
): Promise<{ requestId: string; changes: Change[] }> {
  const { requester, approver } = people ?? (await twoAdmins(api));
  const service = api.app.get(DataProtectionService);
  const request = await service.requestErasure(input, requester, contextOf(requester));
  const outcome = await service.approve(request.id, null, approver, contextOf(approver));
  return { requestId: request.id, changes: outcome.changes };
}

/** A subject access request made by one person, approved by a second; the requester's archive. */
export async function archiveWithFourEyes(
  api: TestApi,
  email: string,
  people?: { requester: Actor; approver: Actor },
): Promise<{ requestId: string; archive: Buffer }> {
  const { requester, approver } = people ?? (await twoAdmins(api));
  const service = api.app.get(DataProtectionService);
  const request = await service.requestAccess(
    { email, reason: 'Written request from the person' },
    requester,
    contextOf(requester),
  );
  await service.approve(request.id, null, approver, contextOf(approver));
  return {
    requestId: request.id,
    archive: await service.archiveOf(request.id, requester, contextOf(requester)),
  };
}

import { ConflictError, NotFoundError, UnprocessableError } from '@app/errors';

export class ExpertNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('expert', id);
  }
}

export class IntroductionNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('introduction', id);
  }
}

/** The change was based on an older version of the expert: someone else changed it meanwhile. */
export class ExpertVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('expert.version_conflict', 'This expert has changed since you loaded it', { currentVersion });
  }
}

/** The expert cannot be asked now (inactive, no consent, away, no introductions left this month). */
export class ExpertUnavailableError extends UnprocessableError {
  constructor(reason: string) {
    super(`introduction.expert_${reason}`, `The expert cannot be asked for an introduction (${reason})`, [
      { field: 'expertId', message: `The expert cannot be asked now (${reason})`, code: `expert_${reason}` },
    ]);
  }
}

/** The peer cannot be asked now (withdrawn, the case's own company, already introduced, no slot left, no contact). */
export class PeerUnavailableError extends UnprocessableError {
  constructor(reason: string) {
    super(`introduction.peer_${reason}`, `The peer cannot be asked for an introduction (${reason})`, [
      { field: 'peerId', message: `The peer cannot be asked now (${reason})`, code: `peer_${reason}` },
    ]);
  }
}

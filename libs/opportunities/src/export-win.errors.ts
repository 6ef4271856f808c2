import { ConflictError } from '@app/errors';

/** The win changed since the client read it (If-Match or `version` is older): 409 with the current version. */
export class ExportWinVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('export_win.version_conflict', 'This export win has changed since you loaded it', {
      currentVersion,
    });
  }
}

/**
 * A failure at start-up that a person can act on: what failed and what to do, printed as one or two
 * sentences instead of a stack trace.
 */
export class StartupError extends Error {
  constructor(
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${what} ${todo}`);
    this.name = 'StartupError';
  }
}

interface SystemError extends Error {
  code?: string;
  path?: string;
  port?: number;
  address?: string;
  syscall?: string;
}

/** The sentence to print for an error that stopped start-up. */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  if (!(error instanceof Error)) return `Start-up failed: ${String(error)}`;
  const e = error as SystemError;
  const where = e.path ? ` (${e.path})` : '';
  switch (e.code) {
    case 'EADDRINUSE':
      return `Port ${e.port ?? ''} on ${e.address ?? 'this machine'} is already in use. Stop what uses it, or choose another port (PORT=<port> npm start).`;
    case 'EACCES':
    case 'EPERM':
      return e.syscall === 'listen'
        ? `Not allowed to listen on port ${e.port ?? ''}. Choose a port above 1023 (PORT=<port>).`
        : `Permission denied${where}. Make the folder writable for this user, or run from a folder you own.`;
    case 'ENOSPC':
      return `The disk is full${where}. Free some space and start again.`;
    case 'EROFS':
      return `The file system is read-only${where}. Run from a writable folder.`;
    case 'ECONNREFUSED':
      return `Could not connect to ${e.address ?? 'a service'}:${e.port ?? ''}. Check DATABASE_URL / REDIS_URL, or unset them to let npm start run its own.`;
    default:
      // Config errors and our own messages are already sentences; anything else keeps its message.
      return error.message;
  }
}

import { describeStartupFailure, StartupError } from './startup-error';

const systemError = (code: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`${code}: raw message`), { code, ...extra });

describe('describeStartupFailure', () => {
  it('keeps a StartupError as its two sentences', () => {
    expect(describeStartupFailure(new StartupError('Redis failed.', 'Do this.'))).toBe(
      'Redis failed. Do this.',
    );
  });

  it('turns the system errors of a failed start into what to do', () => {
    expect(describeStartupFailure(systemError('EADDRINUSE', { port: 3000, address: '127.0.0.1' }))).toBe(
      'Port 3000 on 127.0.0.1 is already in use. Stop what uses it, or choose another port (PORT=<port> npm start).',
    );
    expect(describeStartupFailure(systemError('ENOSPC', { path: '/x/.data' }))).toBe(
      'The disk is full (/x/.data). Free some space and start again.',
    );
    expect(describeStartupFailure(systemError('EACCES', { path: '/x/.data', syscall: 'mkdir' }))).toMatch(
      /^Permission denied \(\/x\/\.data\)\. Make the folder writable/,
    );
    expect(describeStartupFailure(systemError('EACCES', { port: 80, syscall: 'listen' }))).toMatch(
      /^Not allowed to listen on port 80\./,
    );
  });

  it('passes other messages through without a stack', () => {
    const error = new Error('Configuration is invalid:\n  - PORT: must be a number');
    expect(describeStartupFailure(error)).toBe(error.message);
    expect(describeStartupFailure('plain')).toBe('Start-up failed: plain');
  });
});

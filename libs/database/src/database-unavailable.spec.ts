import { databaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it('recognises a full pool, timeouts and a lost server', () => {
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))?.reason).toBe('busy');
    expect(databaseUnavailable(withCode('57014'))?.reason).toBe('timeout');
    expect(databaseUnavailable(withCode('ECONNREFUSED'))?.reason).toBe('unreachable');
    expect(databaseUnavailable(withCode('08006'))?.reason).toBe('unreachable');
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))?.reason).toBe('unreachable');
    // TypeORM's QueryFailedError keeps the driver's error.
    const wrapped = Object.assign(new Error('query failed'), { driverError: withCode('57P01') });
    expect(databaseUnavailable(wrapped)?.reason).toBe('unreachable');
  });

  it('leaves faults in the request or the code alone', () => {
    // 08P01 (protocol_violation) is in the connection class but is a bug: a query with the wrong number of
    // parameters, say. It must stay a 500, not pass as "database busy".
    for (const error of [
      withCode('23505'),
      withCode('22P02'),
      withCode('08P01'),
      new Error('boom'),
      'text',
      null,
      undefined,
    ]) {
      expect(databaseUnavailable(error)).toBeUndefined();
    }
  });
});

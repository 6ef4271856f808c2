import { InvalidInputError } from '@app/errors';
import { expectedVersion } from './if-match';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields[0]?.field;
    throw error;
  }
  return undefined;
};

describe('expectedVersion', () => {
  it('reads the ETag forms of If-Match', () => {
    expect(expectedVersion('"7"')).toBe(7);
    expect(expectedVersion('W/"7"')).toBe(7);
    expect(expectedVersion(' 7 ')).toBe(7);
  });

  it('treats a missing header and * as "no particular version"', () => {
    expect(expectedVersion(undefined)).toBeUndefined();
    expect(expectedVersion('')).toBeUndefined();
    expect(expectedVersion('*')).toBeUndefined();
  });

  it('falls back to the form’s hidden version field and accepts both when they agree', () => {
    expect(expectedVersion(undefined, 4)).toBe(4);
    expect(expectedVersion('"4"', 4)).toBe(4);
  });

  it('refuses malformed, listed or out-of-range versions as a field error on If-Match', () => {
    for (const header of ['abc', '"1", "2"', '"-1"', '1.5', '"9999999999"', 'W/', '""'])
      expect([header, fieldOf(() => expectedVersion(header))]).toEqual([header, 'If-Match']);
  });

  it('refuses a header and a body version that disagree', () => {
    expect(fieldOf(() => expectedVersion('"3"', 4))).toBe('version');
  });
});

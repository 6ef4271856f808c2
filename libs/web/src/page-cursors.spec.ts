import type { AppConfig } from '@app/config';
import { InvalidInputError } from '@app/errors';
import { PageCursors } from './page-cursors';

const cursors = (secret = 'a-session-secret-of-at-least-32-characters') =>
  new PageCursors({ SESSION_SECRET: secret } as AppConfig);

const refusal = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields[0]?.field;
    throw error;
  }
  return 'accepted';
};

describe('PageCursors', () => {
  const codec = cursors();
  const position = ['2026-03-01T09:00:00.000Z', '0b7c9a3e-5a4f-4d8e-9c1b-2f3e4d5c6b7a'];
  const token = codec.encode('timeline:case-1', position);

  it('gives back the position it encoded, for the same list', () => {
    expect(codec.decode('timeline:case-1', token, ['timestamp', 'uuid'])).toEqual(position);
    expect(cursors().decode('timeline:case-1', token, ['timestamp', 'uuid'])).toEqual(position);
  });

  it('is opaque: the position is not readable as plain text in the token', () => {
    expect(token).not.toContain(position[1]);
    expect(token).toMatch(PageCursors.FORMAT);
  });

  it('refuses tampered, truncated, foreign and garbage cursors as a 400 on the field', () => {
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['2026-03-01T09:00:00.000Z', "x' OR 1=1"])).toString(
      'base64url',
    );
    const attempts = [
      `${forged}.${mac}`,
      `${payload}.${mac.slice(0, -1)}A`,
      token.slice(0, -3),
      `${payload}x.${mac}`,
      'not-a-cursor',
      '',
      '99999999999999999999',
      cursors('another-secret-of-at-least-32-characters!').encode('timeline:case-1', position),
    ];
    for (const attempt of attempts)
      expect([
        attempt,
        refusal(() => codec.decode('timeline:case-1', attempt, ['timestamp', 'uuid'])),
      ]).toEqual([attempt, 'cursor']);
    expect(refusal(() => codec.decode('timeline:case-2', token, ['timestamp', 'uuid']))).toBe('cursor');
    expect(refusal(() => codec.decode('timeline:case-1', token, ['uuid']))).toBe('cursor');
    expect(refusal(() => codec.decode('timeline:case-1', 42, ['timestamp', 'uuid'], 'before'))).toBe(
      'before',
    );
  });

  it('checks every value again, even under a valid signature', () => {
    const check = (part: Parameters<PageCursors['decode']>[2][number], value: string) =>
      refusal(() => codec.decode('list', codec.encode('list', [value]), [part]));
    expect(check('bigint', '9223372036854775807')).toBe('accepted');
    expect(check('bigint', '9223372036854775808')).toBe('cursor');
    expect(check('bigint', '-1')).toBe('cursor');
    expect(check('int', '2147483647')).toBe('accepted');
    expect(check('int', '2147483648')).toBe('cursor');
    expect(check('date', '-infinity')).toBe('accepted');
    expect(check('date', '2026-02-30')).toBe('cursor');
    expect(check('timestamp', '-271821-04-20T00:00:00.000Z')).toBe('cursor');
    expect(check('uuid', 'not-a-uuid')).toBe('cursor');
    expect(check('text', 'Acme \ud800 Ltd')).toBe('cursor');
    expect(check('text', 'Acme\u0000')).toBe('cursor');
    expect(check('text', 'Müller & Söhne')).toBe('accepted');
  });
});

import { jsonDeeperThan } from './json-depth';

describe('jsonDeeperThan', () => {
  const deeper = (text: string, max: number) => jsonDeeperThan(Buffer.from(text), max);

  it('counts arrays and objects, mixed', () => {
    expect(deeper('[[{"a":[1]}]]', 4)).toBe(false);
    expect(deeper('[[{"a":[[1]]}]]', 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(deeper('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(deeper('{"a":"\\"[[[[\\\\"}', 1)).toBe(false);
    expect(deeper('{"a":"\\\\",  "b":[[1]]}', 2)).toBe(true);
  });

  it('reads multi-byte UTF-8 without mistaking it for brackets', () => {
    expect(deeper(JSON.stringify({ name: 'Ærø 日本 😀', list: [['x']] }), 3)).toBe(false);
  });

  it('stops early on a deep body, closed or not', () => {
    expect(deeper('['.repeat(100_000), 32)).toBe(true);
  });
});

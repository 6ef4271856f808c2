import { findUnsafeText, hasUnsafeText } from './unsafe-text';

describe('unsafe text', () => {
  it.each([
    ['a\u0000b', true],
    ['\ud800', true],
    ['x\ud800x', true],
    ['\udc00x', true],
    ['\ud83d\ude00', false],
    ['plain text, ümlaut, 日本', false],
    ['tab\tand\nnewline', false],
  ])('%j → %s', (value, unsafe) => expect(hasUnsafeText(value)).toBe(unsafe));

  it('names nested fields, array items and the object holding a bad key', () => {
    const found = findUnsafeText(
      { company: { legalName: 'A\u0000' }, markets: ['FR', '\ud800'], answers: { 'k\u0000': 1 }, ok: 'fine' },
      '',
    );
    expect(found.map((f) => f.field)).toEqual(['company.legalName', 'markets.1', 'answers']);
    expect(found.every((f) => f.code === 'invalidCharacters')).toBe(true);
  });
});

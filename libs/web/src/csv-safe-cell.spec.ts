import { csvSafeCell } from './csv-safe-cell';

describe('csvSafeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-cmd', "'-cmd"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%j starts like a formula: %j', (input, expected) => {
    expect(csvSafeCell(input)).toBe(expected);
  });

  it.each(['-12.5', '+3', '-1', '1e5', 'Acme Ltd', 'a=b', '', "'quoted"])('%j stays as it is', (input) => {
    expect(csvSafeCell(input)).toBe(input);
  });
});

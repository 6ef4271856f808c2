import { plainToInstance } from 'class-transformer';
import { IsInt, validate } from 'class-validator';
import { NumberFromText } from './number-from-text';

class Size {
  @NumberFromText()
  @IsInt()
  employees!: number;
}

const read = (employees: unknown) => plainToInstance(Size, { employees }).employees;

describe('NumberFromText', () => {
  it('reads a form’s or query’s digits as a number, and keeps JSON numbers', () => {
    expect(read('42')).toBe(42);
    expect(read(' 7 ')).toBe(7);
    expect(read('-3')).toBe(-3);
    expect(read(12)).toBe(12);
  });

  // @Type(() => Number) made these 1, 0, 0, 0, 16 and 1000: plausible values from wrong input.
  it.each([true, ' ', '', [], '0x10', '1e3', '1,5', 'abc'])(
    'leaves %j for the validators to refuse',
    async (v) => {
      expect(read(v)).toEqual(v);
      expect(await validate(plainToInstance(Size, { employees: v }))).toHaveLength(1);
    },
  );
});

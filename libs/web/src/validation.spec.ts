import type { ArgumentMetadata } from '@nestjs/common';
import { ValidateNestedObject } from '@app/config';
import { IsArray, IsInt, IsString } from 'class-validator';
import { Type } from 'class-transformer';
import { validateForm } from './form-validation';
import {
  createValidationPipe,
  inheritedKeyPaths,
  OptionalStringList,
  RequestValidationException,
} from './validation';

class Address {
  @IsString()
  line1!: string;
}

class Feedback {
  @IsInt()
  score!: number;

  @ValidateNestedObject()
  @Type(() => Address)
  address!: Address;
}

class Addresses {
  @IsArray()
  @ValidateNestedObject({ each: true })
  @Type(() => Address)
  addresses!: Address[];
}

const body: ArgumentMetadata = { type: 'body', metatype: Feedback };
const valid = () => ({ score: 3, address: { line1: '1 High Street' } });

/** What the global pipe says about a JSON body: the refused fields, or [] when it is taken. */
async function refused(json: string): Promise<string[]> {
  try {
    await createValidationPipe().transform(JSON.parse(json), body);
    return [];
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    return error.fields.map((f) => `${f.field}:${f.code}`);
  }
}

describe('the global validation pipe', () => {
  it('takes a valid body', async () => {
    expect(await refused(JSON.stringify(valid()))).toEqual([]);
  });

  // class-transformer drops these keys before the whitelist looks, so without the pipe's own check a
  // request carrying one was accepted (the fuzz found `prototype` on training feedback).
  it.each(['prototype', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses a key named %s, at the top and nested, as an unknown field',
    async (key) => {
      expect(await refused(JSON.stringify(valid()).replace('{', `{"${key}":1,`))).toEqual([
        `${key}:unknownField`,
      ]);
      const nested = JSON.stringify(valid()).replace('{"line1"', `{"${key}":{"a":1},"line1"`);
      expect(await refused(nested)).toEqual([`address.${key}:unknownField`]);
    },
  );

  it('refuses any other unknown key through the whitelist', async () => {
    expect(await refused(JSON.stringify({ ...valid(), extra: 1 }))).toEqual(['extra:unknownField']);
  });
});

describe('ValidateNestedObject', () => {
  // class-validator's ValidateNested walks into an array as into an object and finds nothing to check.
  it('refuses an array where an object is due, alone or as a list item', async () => {
    expect(await refused(JSON.stringify({ score: 1, address: [] }))).toEqual(['address:isObject']);
    const list: ArgumentMetadata = { type: 'body', metatype: Addresses };
    const pipe = createValidationPipe();
    await expect(pipe.transform({ addresses: [[]] }, list)).rejects.toBeInstanceOf(
      RequestValidationException,
    );
    await expect(pipe.transform({ addresses: [{ line1: 'x' }] }, list)).resolves.toBeInstanceOf(Addresses);
  });
});

class Tags {
  @OptionalStringList(5)
  tags?: string[];
}

describe('OptionalStringList', () => {
  const tags = async (value: unknown): Promise<string[]> => {
    try {
      await createValidationPipe().transform(value, { type: 'body', metatype: Tags });
      return [];
    } catch (error) {
      if (!(error instanceof RequestValidationException)) throw error;
      return error.fields.map((f) => `${f.field}:${f.code}`);
    }
  };

  it('takes the list left out, empty, or of short strings', async () => {
    expect(await tags({})).toEqual([]);
    expect(await tags({ tags: [] })).toEqual([]);
    expect(await tags({ tags: ['a', 'abcde'] })).toEqual([]);
  });

  it('refuses null, a lone string, an item too long and an item not a string', async () => {
    expect(await tags({ tags: null })).toContain('tags:isDefined');
    expect(await tags({ tags: 'abc' })).toEqual(['tags:isArray']);
    expect(await tags({ tags: ['abcdef'] })).toEqual(['tags:maxLength']);
    // The pipe stops at a field's first failed rule; which one names a number item does not matter here.
    expect((await tags({ tags: [3] })).map((f) => f.split(':')[0])).toEqual(['tags']);
  });
});

describe('inheritedKeyPaths', () => {
  it('names keys inside arrays with their index, and walks a body nested far deeper than the stack', () => {
    expect(inheritedKeyPaths(JSON.parse('{"a":[{"b":1},{"toString":2}]}'))).toEqual(['a[1].toString']);
    let deep: unknown = JSON.parse('{"constructor":1}');
    for (let i = 0; i < 100_000; i++) deep = { n: deep };
    expect(inheritedKeyPaths(deep)).toHaveLength(1);
  });
});

describe('validateForm', () => {
  it('refuses a posted form field named after an inherited key', async () => {
    const { errors } = await validateForm(Feedback, { ...valid(), constructor: 'x' });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['constructor:unknownField']);
  });
});

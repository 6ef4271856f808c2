import 'reflect-metadata';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from './parse-yaml';
import { loadRulesFile, readRulesYaml } from './rules-file';

jest.mock('./parse-yaml', () => {
  const actual = jest.requireActual<typeof import('./parse-yaml')>('./parse-yaml');
  return { parseYaml: jest.fn(actual.parseYaml) };
});

class Item {
  @IsString() code!: string;
}

class Shape {
  @IsInt() limit!: number;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

describe('loadRulesFile', () => {
  let dir: string;
  const env = () => ({ CONFIG_DIR: dir });
  beforeEach(() => {
    jest.mocked(parseYaml).mockClear();
    dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'default.yaml'), '');
    writeFileSync(join(dir, 'shape.yaml'), 'limit: 3\nitems:\n  - code: a\n  - code: b\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a file once per process however often it is loaded, giving each caller its own copy', () => {
    const first = loadRulesFile('shape.yaml', Shape, env());
    first.limit = 99;
    first.items.push({ code: 'mine' });
    const second = loadRulesFile('shape.yaml', Shape, env());
    const raw = readRulesYaml('shape.yaml', env()) as { items: unknown[] };
    expect(second.limit).toBe(3);
    expect(second.items.map((i) => i.code)).toEqual(['a', 'b']);
    expect(raw.items).toHaveLength(2);
    expect(parseYaml).toHaveBeenCalledTimes(1);
  });

  it('reads a file again once its text has changed', () => {
    expect(loadRulesFile('shape.yaml', Shape, env()).limit).toBe(3);
    writeFileSync(join(dir, 'shape.yaml'), 'limit: 4\nitems: []\n');
    expect(loadRulesFile('shape.yaml', Shape, env()).limit).toBe(4);
  });
});

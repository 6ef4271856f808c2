import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.errors';
import { loadRulesFile } from './rules-file';
import { parseYaml } from './parse-yaml';

describe('parseYaml', () => {
  it('reads YAML 1.2 core scalars as JSON would: dates and yes/no stay strings', () => {
    expect(parseYaml('a: 2026-01-31\nb: yes\nc: true\nd: ~\ne: 0x1F\nf: 1.5\ng: "007"\n')).toEqual({
      a: '2026-01-31',
      b: 'yes',
      c: true,
      d: null,
      e: 31,
      f: 1.5,
      g: '007',
    });
  });

  it('refuses a mapping with the same key twice', () => {
    expect(() => parseYaml('limit: 1\nlimit: 2\n')).toThrow(/duplicate/i);
  });

  it('parses every file of config/ to plain data', () => {
    const dir = join(__dirname, '..', '..', '..', 'config');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const parsed = parseYaml(readFileSync(join(dir, file), 'utf8'));
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
    }
  });

  it('stops start-up naming the file and the line when its YAML is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-'));
    try {
      writeFileSync(join(dir, 'bad.yaml'), 'limit: 3\nitems: [a, b\n');
      let error: unknown;
      try {
        loadRulesFile('bad.yaml', Object, { CONFIG_DIR: dir });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('config/bad.yaml');
      expect(JSON.stringify(error)).toMatch(/line 3|3:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

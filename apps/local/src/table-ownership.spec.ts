import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DYNAMIC_TABLE,
  entityTables,
  findOrmWrites,
  findSqlWrites,
  foreignWrites,
  productionSources,
  tableOwners,
} from './table-ownership';

const TABLES = new Set(['cases', 'case_work', 'adviser_profiles']);
const writes = (source: string) =>
  findSqlWrites('x.ts', source, TABLES).map(({ verb, table, line }) => `${line} ${verb} ${table}`);

describe('finding SQL writes in source', () => {
  it('finds INSERT, UPDATE, DELETE and TRUNCATE with the table and line, however the name is written', () => {
    expect(
      writes(`
        m.query(\`INSERT INTO case_work (case_id) VALUES ($1)\`);
        m.query('update "cases" set stage = $2 where id = $1');
        m.query(\`
          DELETE FROM public.case_work
           WHERE case_id = $1\`);
        m.query('TRUNCATE TABLE cases, "adviser_profiles" CASCADE');
        m.query(\`UPDATE ONLY cases c SET version = c.version + 1 WHERE c.id = \${id}\`);`),
    ).toEqual([
      '2 INSERT case_work',
      '3 UPDATE cases',
      '5 DELETE case_work',
      '7 TRUNCATE cases',
      '7 TRUNCATE adviser_profiles',
      '8 UPDATE cases',
    ]);
  });

  it('ignores reads, row locks, upserts on the table inserted and words that are not tables', () => {
    expect(
      writes(`
        m.query('SELECT stage FROM cases WHERE id = $1 FOR UPDATE');
        m.query('SELECT 1 FROM cases c JOIN case_work w ON true FOR UPDATE OF c SKIP LOCKED');
        m.query(\`INSERT INTO case_work (case_id) VALUES ($1) ON CONFLICT (case_id) DO UPDATE SET summary = $2\`);
        const note = 'Update cases one at a time';
        m.query('UPDATE sessions SET x = 1');`),
    ).toEqual(['4 INSERT case_work', '5 UPDATE cases']);
  });

  it('reports a write whose table is built at run time as ${…}', () => {
    expect(writes('m.query(`DELETE FROM ${ident(table)} WHERE id = $1`);')).toEqual([
      `1 DELETE ${DYNAMIC_TABLE}`,
    ]);
  });
});

describe('finding TypeORM writes in source', () => {
  const entities = entityTables(
    new Map([
      ['libs/cases/src/case.entity.ts', "@Entity('cases') export class Case {}"],
      ['libs/advisers/src/case-work.entity.ts', '@Entity() export class CaseWork {}'],
    ]),
  );
  const orm = (source: string) =>
    findOrmWrites('x.ts', source, entities).map(({ verb, table, line }) => `${line} ${verb} ${table}`);

  it('reads each entity class with its table', () => {
    expect([...entities]).toEqual([
      ['Case', 'cases'],
      ['CaseWork', 'case_work'],
    ]);
  });

  it('finds writes that name the entity, directly, through getRepository or a query builder', () => {
    expect(
      orm(`
        await m.save(Case, kase);
        await m.getRepository(CaseWork).update({ caseId }, { summary });
        await m.createQueryBuilder().insert().into(Case).values(v).execute();
        await m.delete(CaseWork, { caseId });`),
    ).toEqual(['2 save() cases', '3 update() case_work', '4 into() cases', '5 delete() case_work']);
  });

  it('ignores reads and calls on things that are not entities', () => {
    expect(
      orm(`
        await m.findOne(Case, { where: { id } });
        await m.getRepository(Case).findOneBy({ id });
        seen.delete(caseId);
        await repo.save(other);`),
    ).toEqual([]);
  });
});

describe("the check that no lib writes another lib's table", () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tables-'));
    write('libs/messaging/src/events/event-contracts.ts', 'export const EVENT_CONTRACTS = {};');
    write('libs/cases/src/entities/case.entity.ts', "@Entity('cases') export class Case {}");
    write('libs/cases/src/cases.service.ts', "m.query('UPDATE cases SET stage = $2 WHERE id = $1');");
    write('libs/advisers/src/entities/case-work.entity.ts', "@Entity('case_work') export class CaseWork {}");
    write(
      'libs/advisers/src/assignment.service.ts',
      "m.query('UPDATE case_work SET summary = $2 WHERE case_id = $1');",
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('takes each table owner from the lib whose folder holds its @Entity', () => {
    expect([...tableOwners(root)].sort()).toEqual([
      ['case_work', 'advisers'],
      ['cases', 'cases'],
    ]);
  });

  it('passes when each lib writes only its own tables', () => {
    expect(foreignWrites(productionSources(root), tableOwners(root))).toEqual([]);
  });

  it("fails on a planted write of another lib's table, in a lib or an app, but not in a test", () => {
    write('libs/advisers/src/sneaky.ts', "m.query('UPDATE cases SET status = $2 WHERE id = $1');");
    write('apps/cli/src/seed.ts', "m.query('INSERT INTO case_work (case_id) VALUES ($1)');");
    write('libs/advisers/src/sneaky.spec.ts', "m.query('DELETE FROM cases');");
    write('libs/cases/src/sneaky-orm.ts', 'await m.getRepository(CaseWork).save(work);');
    expect(foreignWrites(productionSources(root), tableOwners(root))).toEqual([
      expect.objectContaining({
        writer: 'apps/cli',
        file: 'apps/cli/src/seed.ts',
        table: 'case_work',
        owner: 'advisers',
      }),
      expect.objectContaining({
        writer: 'advisers',
        file: 'libs/advisers/src/sneaky.ts',
        table: 'cases',
        owner: 'cases',
        verb: 'UPDATE',
        line: 1,
      }),
      expect.objectContaining({
        writer: 'cases',
        file: 'libs/cases/src/sneaky-orm.ts',
        table: 'case_work',
        owner: 'advisers',
        verb: 'save()',
      }),
    ]);
  });

  it('lets through only the allowed write, in the named file', () => {
    write('libs/advisers/src/erase.ts', 'm.query(`DELETE FROM ${table} WHERE id = $1`);');
    write('libs/advisers/src/other.ts', 'm.query(`DELETE FROM ${table} WHERE id = $1`);');
    const allowed = [
      { writer: 'advisers', file: 'libs/advisers/src/erase.ts', table: DYNAMIC_TABLE, reason: 'x' },
    ];
    expect(foreignWrites(productionSources(root), tableOwners(root), allowed)).toEqual([
      expect.objectContaining({ file: 'libs/advisers/src/other.ts', table: DYNAMIC_TABLE, owner: undefined }),
    ]);
  });

  it('refuses a table with an @Entity in two libs', () => {
    write('libs/advisers/src/entities/case.entity.ts', "@Entity('cases') export class Case {}");
    expect(() => tableOwners(root)).toThrow(/cases has an @Entity in both/);
  });
});

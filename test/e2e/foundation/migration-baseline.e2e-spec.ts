import { loadConfig } from '@app/config';
import { buildDataSourceOptions, runMigrations } from '@app/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SchemaBaseline1796653000100 as SchemaBaseline } from '../../../migrations/1796653000100-SchemaBaseline';
import { createTestDatabase, type TestDatabase } from '../../support/test-env';

const BASELINE = new SchemaBaseline().name;
const SQUASHED = SchemaBaseline.squashed;

/**
 * Everything of the public schema a migration could change, one line per column, constraint, index, trigger,
 * function (not pg_trgm's), sequence and extension: equal lists mean an unchanged schema.
 */
async function schemaOf(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ item: string }>(`
    SELECT format('column %s.%s #%s %s%s%s%s', c.relname, a.attname,
                  row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum), format_type(a.atttypid, a.atttypmod),
                  CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ' default ' || pg_get_expr(d.adbin, d.adrelid),
                  ' identity ' || nullif(a.attidentity::text, '')) AS item
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'trigger ' || pg_get_triggerdef(t.oid)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')
    UNION ALL
    SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
    UNION ALL
    SELECT 'extension ' || extname FROM pg_extension
    ORDER BY 1`);
  return rows.map((row) => row.item);
}

/**
 * The baseline replaces the 44 migrations the project had up to commit 93788ae. Databases that ran all of
 * them keep their schema and record the baseline; databases that ran some are refused untouched; an empty
 * database gets the schema, and the baseline's down() takes it away again. Each case on its own clone of
 * the migrated template (which global setup built with the baseline from an empty database).
 */
describe('migrations: the schema baseline', () => {
  const opened: { database: TestDatabase; db: Client }[] = [];
  afterAll(async () => {
    for (const { database, db } of opened) {
      await db.end();
      await database.drop();
    }
  });

  async function migratedDatabase(): Promise<{ db: Client; config: ReturnType<typeof loadConfig> }> {
    const database = await createTestDatabase();
    const db = new Client({ connectionString: database.url });
    await db.connect();
    opened.push({ database, db });
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL,
    });
    return { db, config };
  }

  /** Makes schema_migrations say the database ran these migrations, and nothing else. */
  async function recordAsRun(db: Client, names: readonly string[]): Promise<void> {
    await db.query('DELETE FROM schema_migrations');
    for (const name of names)
      await db.query('INSERT INTO schema_migrations (timestamp, name) VALUES ($1, $2)', [
        Number(name.slice(-13)),
        name,
      ]);
  }
  const recorded = async (db: Client): Promise<string[]> =>
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows.map(
      (r) => r.name,
    );

  it('lists the 44 migrations it replaces, oldest first, the last PartnerReferrals', () => {
    expect(SQUASHED).toHaveLength(44);
    expect(new Set(SQUASHED).size).toBe(44);
    const stamps = SQUASHED.map((name) => Number(name.slice(-13)));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(SQUASHED.at(-1)).toBe('PartnerReferrals1796653000000');
  });

  it('leaves a database that ran all 44 migrations as it is, and records the baseline as run', async () => {
    const { db, config } = await migratedDatabase();
    await recordAsRun(db, SQUASHED);
    const before = await schemaOf(db);
    expect(before).toContain(
      'index CREATE UNIQUE INDEX users_email_lower_key ON public.users USING btree (lower((email)::text))',
    );

    expect(await runMigrations(config)).toEqual([BASELINE]);
    expect(await schemaOf(db)).toEqual(before);
    expect(await recorded(db)).toEqual([...SQUASHED, BASELINE]);
    // And the next run has nothing left to do.
    expect(await runMigrations(config)).toEqual([]);
  });

  it('refuses a database that ran only some of them, naming the release to migrate with first, and changes nothing', async () => {
    const { db, config } = await migratedDatabase();
    const some = SQUASHED.slice(0, 30);
    await recordAsRun(db, some);
    // The schema of those 30 migrations is not what the test is about: what matters is that nothing moves.
    const before = await schemaOf(db);

    await expect(runMigrations(config)).rejects.toThrow(
      `This database ran 30 of the 44 migrations that ${BASELINE} replaces: deploy the release of commit 93788ae and run its migrations first`,
    );
    expect(await schemaOf(db)).toEqual(before);
    expect(await recorded(db)).toEqual(some);
  });

  it('builds the schema in an empty database, and its down() drops every table and function it made', async () => {
    const { db, config } = await migratedDatabase();
    const built = await schemaOf(db);
    expect(built.filter((item) => item.startsWith('trigger '))).toHaveLength(4);

    const dataSource = await new DataSource(buildDataSourceOptions(config)).initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const tables = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.tablename)).toEqual(['schema_migrations']);
    expect((await schemaOf(db)).filter((item) => item.startsWith('function '))).toEqual([]);
    expect(await recorded(db)).toEqual([]);

    expect(await runMigrations(config)).toEqual([BASELINE]);
    expect(await schemaOf(db)).toEqual(built);
  });
});

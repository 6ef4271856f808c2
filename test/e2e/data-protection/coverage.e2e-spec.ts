import { findUncoveredPersonColumns, PERSON_DATA_MAP } from '@app/data-protection';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-env';
import { DataSource } from 'typeorm';

/**
 * The SAR and erasure cover every person-referencing column the schema has, discovered from
 * information_schema (foreign keys to users, and column names such as *_user_id, *_by_id, email, name,
 * notes), not from a hand list. A new table holding a person reference fails this test until it is added
 * to PERSON_DATA_MAP with its row condition and erasure treatment.
 */
describe('data protection: coverage of person-referencing columns', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('finds every person-referencing column of the migrated schema covered', async () => {
    expect(await findUncoveredPersonColumns(dataSource.manager)).toEqual([]);
  });

  it('finds a foreign key to users whatever the column is called', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE tmp_probe (id uuid PRIMARY KEY, owner uuid REFERENCES users(id))`);
      const found = await findUncoveredPersonColumns(dataSource.manager);
      expect(found).toEqual([
        {
          table: 'tmp_probe',
          column: 'owner',
          because: 'foreign key to users',
          problem: 'table not in the map',
        },
      ]);
    } finally {
      await client.query('DROP TABLE IF EXISTS tmp_probe');
      await client.end();
    }
  });

  it('fails for a new table with a person reference, and for a new person column on a covered table', async () => {
    await dataSource.query(
      `CREATE TABLE widget_feedback (id uuid PRIMARY KEY, submitted_by_id uuid, contact_phone text, score int)`,
    );
    await dataSource.query(`ALTER TABLE interactions ADD COLUMN attendee_email text`);
    try {
      const found = await findUncoveredPersonColumns(dataSource.manager);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            table: 'widget_feedback',
            column: 'submitted_by_id',
            problem: 'table not in the map',
          }),
          expect.objectContaining({
            table: 'widget_feedback',
            column: 'contact_phone',
            problem: 'table not in the map',
          }),
          expect.objectContaining({
            table: 'interactions',
            column: 'attendee_email',
            problem: 'column not in the map',
          }),
        ]),
      );
      expect(found.some((f) => f.column === 'score')).toBe(false);
    } finally {
      await dataSource.query('DROP TABLE widget_feedback');
      await dataSource.query('ALTER TABLE interactions DROP COLUMN attendee_email');
    }
  });

  it('names, for every table it leaves out of the SAR, why', () => {
    for (const [table, coverage] of Object.entries(PERSON_DATA_MAP))
      if (!coverage.rows)
        expect({ table, notes: coverage.notes ?? '' }).toEqual({
          table,
          notes: expect.stringMatching(/\w{5,}/),
        });
  });
});

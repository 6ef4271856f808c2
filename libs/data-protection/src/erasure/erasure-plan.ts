import type { EntityManager } from 'typeorm';
import { PERSON_DATA_MAP } from '../person-data-map';
import type { QueuedJob } from '../queue/queued-jobs.scanner';
import { bindScope, likePattern, searchableName, Subject } from '../subject';
import { ident, readTableCatalogue, TableShape } from '../table-catalogue';
import type { Pseudonyms } from './pseudonyms';

/** One change erasure or retention makes: what the simulate listing shows and the real run returns. */
export interface Change {
  /** A table, or `bull:<queue>` for a queued job. */
  table: string;
  /** The row's primary key values joined with `|`, or the Bull job id. */
  key: string;
  /** The column rewritten; null when the whole row (or job) is deleted. */
  column: string | null;
  action: 'update' | 'delete';
}

/** A change with what is needed to carry it out; only `Change` fields leave the lib. */
export interface PlannedChange extends Change {
  where: Record<string, unknown>;
  value?: unknown;
  jsonb?: boolean;
  job?: QueuedJob;
}

const UNUSABLE_PASSWORD = '!erased';

export function listing(planned: PlannedChange[]): Change[] {
  return planned
    .map(({ table, key, column, action }) => ({ table, key, column, action }))
    .sort(
      (a, b) =>
        a.table.localeCompare(b.table) ||
        a.key.localeCompare(b.key) ||
        (a.column ?? '').localeCompare(b.column ?? ''),
    );
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces the person's email and name (case-insensitively) inside text and inside jsonb string values. */
export function makeRewriter(subject: Subject, pseudonyms: Pseudonyms) {
  const pairs: [RegExp, string][] = [];
  if (subject.email && subject.email.length >= 3)
    pairs.push([new RegExp(escapeRegExp(subject.email), 'gi'), pseudonyms.email]);
  const name = searchableName(subject);
  if (name) pairs.push([new RegExp(escapeRegExp(name), 'gi'), pseudonyms.name]);
  const text = (value: string): string => pairs.reduce((acc, [re, to]) => acc.replace(re, to), value);
  const names = (value: string): boolean => pairs.some(([re]) => new RegExp(re.source, 'i').test(value));
  const json = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)]));
    return value;
  };
  return { text, names, json };
}

function keyOf(
  shape: TableShape,
  row: Record<string, unknown>,
): { key: string; where: Record<string, unknown> } {
  const where = Object.fromEntries(shape.primaryKey.map((c) => [c, row[c]]));
  return { key: shape.primaryKey.map((c) => String(row[c])).join('|'), where };
}

/**
 * Everything an erasure of this subject changes, computed without changing anything. The real run applies
 * exactly this list, so `--simulate` and the run agree by construction (and a test checks it).
 */
export async function planErasure(
  m: EntityManager,
  subject: Subject,
  pseudonyms: Pseudonyms,
  jobs: QueuedJob[],
): Promise<PlannedChange[]> {
  const catalogue = await readTableCatalogue(m);
  const rewrite = makeRewriter(subject, pseudonyms);
  const planned: PlannedChange[] = [];
  const emailLike = likePattern(subject.email);
  const nameLike = likePattern(searchableName(subject), 4);

  for (const [table, coverage] of Object.entries(PERSON_DATA_MAP)) {
    const shape = catalogue.get(table);
    // The account row is handled below, whatever the name's length.
    if (!shape || !shape.primaryKey.length || table === 'users') continue;
    const pk = shape.primaryKey.map(ident).join(', ');

    if (coverage.deleteRows) {
      if (!coverage.rows) continue;
      const { sql, params } = bindScope(coverage.rows, subject);
      const rows = (await m.query(`SELECT ${pk} FROM ${ident(table)} WHERE ${sql}`, params)) as Record<
        string,
        unknown
      >[];
      for (const row of rows) planned.push({ table, column: null, action: 'delete', ...keyOf(shape, row) });
      continue;
    }

    for (const [column, treatment] of Object.entries(coverage.columns)) {
      if (treatment === 'reference' || treatment === 'none') continue;
      const meta = shape.columns.get(column);
      if (!meta || (!emailLike && !nameLike)) continue;
      const rows = (await m.query(
        `SELECT ${pk}, ${ident(column)} AS value FROM ${ident(table)}
          WHERE ${ident(column)}::text ILIKE $1 OR ${ident(column)}::text ILIKE $2`,
        [emailLike, nameLike],
      )) as (Record<string, unknown> & { value: unknown })[];
      for (const row of rows) {
        let value: unknown;
        if (treatment === 'json') value = rewrite.json(row.value);
        else if (typeof row.value !== 'string') continue;
        else if (treatment === 'blank')
          value = rewrite.names(row.value) ? (meta.nullable ? null : '') : row.value;
        else value = rewrite.text(row.value);
        if (JSON.stringify(value) === JSON.stringify(row.value)) continue;
        planned.push({
          table,
          column,
          action: 'update',
          value,
          jsonb: meta.dataType === 'jsonb',
          ...keyOf(shape, row),
        });
      }
    }
  }

  if (subject.userId) {
    // The account itself: beyond the name and email above, no way back in.
    const [account] = (await m.query(
      'SELECT id, name, email, active, password_hash FROM users WHERE id = $1',
      [subject.userId],
    )) as { id: string; name: string; email: string; active: boolean; password_hash: string }[];
    const where = { id: account.id };
    for (const [column, value] of [
      ['name', pseudonyms.name],
      ['email', pseudonyms.email],
    ] as const)
      if (account[column] !== value)
        planned.push({ table: 'users', key: account.id, column, action: 'update', value, where });
    if (account.active) {
      planned.push({
        table: 'users',
        key: account.id,
        column: 'active',
        action: 'update',
        value: false,
        where,
      });
      planned.push({
        table: 'users',
        key: account.id,
        column: 'deactivated_at',
        action: 'update',
        value: new Date(),
        where,
      });
    }
    if (account.password_hash !== UNUSABLE_PASSWORD)
      planned.push({
        table: 'users',
        key: account.id,
        column: 'password_hash',
        action: 'update',
        value: UNUSABLE_PASSWORD,
        where,
      });
  }

  planned.push(...(await noLongerOffered(m, subject)));

  for (const job of jobs)
    planned.push({
      table: `bull:${job.queue}`,
      key: job.jobId,
      column: null,
      action: 'delete',
      where: {},
      job,
    });
  return planned;
}

/**
 * An erased person is no longer offered to others: their expert profile is made inactive without consent to
 * be contacted (its address is a pseudonym now), and their company's offer to help other SMEs is withdrawn
 * (it would be shown under the pseudonymised name and could not be asked).
 */
async function noLongerOffered(m: EntityManager, subject: Subject): Promise<PlannedChange[]> {
  const planned: PlannedChange[] = [];
  const experts = bindScope(PERSON_DATA_MAP.experts.rows!, subject);
  for (const { id } of (await m.query(
    `SELECT id FROM experts WHERE (${experts.sql}) AND (active OR consent_to_contact)`,
    experts.params,
  )) as { id: string }[])
    for (const column of ['active', 'consent_to_contact'])
      planned.push({ table: 'experts', key: id, column, action: 'update', value: false, where: { id } });
  const peers = bindScope(PERSON_DATA_MAP.peers.rows!, subject);
  for (const { id } of (await m.query(
    `SELECT id FROM peers WHERE (${peers.sql}) AND status = 'active'`,
    peers.params,
  )) as { id: string }[])
    planned.push(...withdrawPeer(id, new Date()));
  return planned;
}

/** The changes that withdraw a company's offer to help other SMEs, as erasure and retention make them. */
export function withdrawPeer(id: string, at: Date): PlannedChange[] {
  return [
    { table: 'peers', key: id, column: 'status', action: 'update', value: 'withdrawn', where: { id } },
    { table: 'peers', key: id, column: 'withdrawn_at', action: 'update', value: at, where: { id } },
  ];
}

/** Applies database changes of a plan in the caller's transaction (queued jobs are purged by the caller). */
export async function applyChanges(m: EntityManager, planned: PlannedChange[]): Promise<void> {
  // audit_event is append-only; this transaction-local setting is the one exception the trigger allows,
  // for rewriting personal values inside before/after (see the SchemaBaseline migration).
  if (planned.some((c) => c.table === 'audit_event'))
    await m.query(`SELECT set_config('app.data_protection_erasure', 'on', true)`);
  for (const change of planned) {
    if (change.table.startsWith('bull:')) continue;
    const keys = Object.keys(change.where);
    const where = keys.map((k, i) => `${ident(k)} = $${i + 2}`).join(' AND ');
    const keyValues = keys.map((k) => change.where[k]);
    if (change.action === 'delete') {
      const params = keyValues;
      await m.query(
        `DELETE FROM ${ident(change.table)} WHERE ${keys.map((k, i) => `${ident(k)} = $${i + 1}`).join(' AND ')}`,
        params,
      );
      continue;
    }
    const value = change.jsonb ? JSON.stringify(change.value) : change.value;
    await m.query(
      `UPDATE ${ident(change.table)} SET ${ident(change.column!)} = $1${change.jsonb ? '::jsonb' : ''} WHERE ${where}`,
      [value, ...keyValues],
    );
  }
}

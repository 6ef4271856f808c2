import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PageCursors } from './page-cursors';

export interface PageRequest {
  /** `nextCursor` of the previous page; anything else is a 400 on `cursor`. */
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** A page function ordered by `<alias>.created_at` then `<alias>.id`, both in `order`. */
const byCreation =
  (order: 'ASC' | 'DESC') =>
  <T extends ObjectLiteral & { id: string }>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    cursors: PageCursors,
    list: string,
    request: PageRequest,
  ): Promise<Page<T>> =>
    createdAtPage(qb, alias, cursors, list, request, order);

/**
 * One page of a list shown newest first: ordered by `<alias>.created_at` then `<alias>.id`, both
 * descending, with a PageCursors cursor bound to `list`. The position keeps the microseconds Postgres
 * stores (a JS Date would cut them to milliseconds and skip or repeat rows made in the same millisecond).
 */
export const newestFirstPage = byCreation('DESC');

/** As newestFirstPage, oldest first (`created_at` then `id`, both ascending): a queue worked in order. */
export const oldestFirstPage = byCreation('ASC');

async function createdAtPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursors: PageCursors,
  list: string,
  request: PageRequest,
  order: 'ASC' | 'DESC',
): Promise<Page<T>> {
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 200);
  qb.addSelect(`to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`, 'position');
  if (request.cursor !== undefined) {
    const [pageAt, pageId] = cursors.decode(list, request.cursor, ['text', 'uuid']);
    const after = order === 'DESC' ? '<' : '>';
    qb.andWhere(
      `(${alias}.created_at, ${alias}.id) ${after} ((:pageAt)::timestamp AT TIME ZONE 'UTC', :pageId)`,
      { pageAt, pageId },
    );
  }
  const { entities, raw } = await qb
    .orderBy(`${alias}.created_at`, order)
    .addOrderBy(`${alias}.id`, order)
    .limit(limit + 1)
    .getRawAndEntities<{ position: string }>();
  const items = entities.slice(0, limit);
  const more = entities.length > limit;
  return {
    items,
    nextCursor: more ? cursors.encode(list, [raw[limit - 1].position, items[limit - 1].id]) : null,
  };
}

/** Metadata key of an `@Idempotent()` handler. */
export const IDEMPOTENT_ROUTE = 'idempotency:route';

/** What an `@Idempotent()` route says about its answers. */
export interface IdempotentRoute {
  /** Headers that go with the answer, the first time and on every replay (e.g. Location, ETag). */
  headers?: (body: Record<string, unknown>) => Record<string, string>;
}

/**
 * What the records code needs from a SQL database: the few calls of better-sqlite3, as an
 * interface so the engine stays confined to `sqlite-driver.ts` and tests can put a failing disk
 * between the store and the engine.
 */
export type SqlValue = number | bigint | string | Uint8Array | null;
export type SqlRow = Record<string, unknown>;

/** A TEXT column read back (JSON columns included): anything else means the row is not ours. */
export function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`expected a text column, got ${typeof value}`);
  return value;
}

/** A JSON column, parsed; the caller validates the shape with its schema. */
export function jsonOf(value: unknown): unknown {
  return JSON.parse(textOf(value)) as unknown;
}

export interface SqlStatement {
  run(...params: readonly SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: readonly SqlValue[]): SqlRow | undefined;
  all(...params: readonly SqlValue[]): SqlRow[];
  iterate(...params: readonly SqlValue[]): IterableIterator<SqlRow>;
}

export interface SqlDatabase {
  /** The file, for messages. */
  readonly path: string;
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /** Runs `fn` in one transaction (BEGIN IMMEDIATE … COMMIT), rolled back if it throws. */
  transaction<T>(fn: () => T): T;
  /** A pragma's first value (`user_version`, `page_count`, …). */
  pragmaValue(name: string): unknown;
  close(): void;
}

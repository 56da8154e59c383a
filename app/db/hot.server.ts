// The hot path's own database access: signing, following, the campaign page and the outbox writer
// run for every supporter at a campaign's peak, and Prisma's per-query cost (query compiler, a fresh
// prepare per statement) was most of their time. They speak plain SQL through statements prepared
// once per connection, on either engine:
// - SQLite: a second better-sqlite3 connection. A write transaction takes the lock up front (BEGIN
//   IMMEDIATE) and its work does nothing but statements on that connection, which answer at once,
//   so the lock is never held across I/O; while it is open, this process's other hot statements
//   wait for its end. Nobody waits for the lock inside SQLite (timeout 0: a synchronous wait would
//   block the event loop, and with it a Prisma transaction of this process that holds the lock):
//   BEGIN is tried again after a short asynchronous pause (app/db/sqlite-adapter.server.ts).
// - PostgreSQL: a pool of `pg` connections with named prepared statements. Transactions run under
//   READ COMMITTED: every write of the hot path is one statement whose outcome does not depend on
//   an earlier read (ON CONFLICT for duplicates, conditional UPDATEs), and a unique index settles
//   two requests that race (isUniqueViolation).
// The SQL is written once, for both: `?` placeholders, TRUE/FALSE, ON CONFLICT, text and numbers.
// Parameters may be Dates and booleans; dates come back as ISO text ("…+00:00") on both engines.
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf } from "~/db/engine";
import { withoutNul } from "~/db/postgres-adapter.server";
import { retryWhileBusy } from "~/db/sqlite-adapter.server";

export type HotValue = string | number | bigint | boolean | Date | null;

/** Statements on one connection (or, outside a transaction, on any). */
export interface HotStatements {
  get<T>(sql: string, ...params: HotValue[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: HotValue[]): Promise<T[]>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, ...params: HotValue[]): Promise<number>;
}

export interface HotDatabase extends HotStatements {
  /**
   * All of `work` or nothing. `work` runs statements through `tx` only, and awaits nothing else:
   * no network, no timers (on SQLite the write lock is held until it returns).
   */
  transaction<T>(work: (tx: HotStatements) => Promise<T>): Promise<T>;
  /** A write refused by a unique index (e.g. the same address signing twice at the same moment). */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

export function openHotDatabase(url: string, options: { poolSize?: number } = {}): HotDatabase {
  return engineOf(url) === "postgresql" ? new PostgresHot(url, options.poolSize ?? 10) : new SqliteHot(url);
}

/** SQLite's form of a DateTime, as Prisma's adapter writes it (ISO 8601, "+00:00"): they compare as text. */
export const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** The pragmas of every SQLite connection (app/db.server.ts says why). */
export const CONNECTION_PRAGMAS = ["synchronous = NORMAL", "cache_size = -64000", "mmap_size = 1073741824"];

// ---------------------------------------------------------------------------------------------
class SqliteHot implements HotDatabase {
  readonly #db: Database.Database;
  readonly #prepared = new Map<string, Database.Statement>();
  #transactionOpen = false;
  #waiting: Array<() => void> = [];
  readonly #inTransaction: HotStatements;

  constructor(url: string) {
    this.#db = new Database(url.replace(/^file:/, ""), { timeout: 0 });
    for (const pragma of CONNECTION_PRAGMAS) this.#db.pragma(pragma);
    this.#inTransaction = {
      get: async <T>(sql: string, ...params: HotValue[]) => this.#statement(sql).get(...sqliteParams(params)) as T | undefined,
      all: async <T>(sql: string, ...params: HotValue[]) => this.#statement(sql).all(...sqliteParams(params)) as T[],
      run: async (sql: string, ...params: HotValue[]) => this.#statement(sql).run(...sqliteParams(params)).changes,
    };
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#prepared.get(sql);
    if (!statement) this.#prepared.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }

  async #whenNoTransaction(): Promise<void> {
    while (this.#transactionOpen) await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #outside<T>(work: () => T): Promise<T> {
    return retryWhileBusy(async () => {
      await this.#whenNoTransaction();
      return work();
    });
  }

  get<T>(sql: string, ...params: HotValue[]): Promise<T | undefined> {
    return this.#outside(() => this.#statement(sql).get(...sqliteParams(params)) as T | undefined);
  }
  all<T>(sql: string, ...params: HotValue[]): Promise<T[]> {
    return this.#outside(() => this.#statement(sql).all(...sqliteParams(params)) as T[]);
  }
  run(sql: string, ...params: HotValue[]): Promise<number> {
    return this.#outside(() => this.#statement(sql).run(...sqliteParams(params)).changes);
  }

  transaction<T>(work: (tx: HotStatements) => Promise<T>): Promise<T> {
    return retryWhileBusy(async () => {
      await this.#whenNoTransaction();
      // Throws SQLITE_BUSY while another process writes: retried above, nothing begun.
      this.#db.exec("BEGIN IMMEDIATE");
      this.#transactionOpen = true;
      try {
        const result = await work(this.#inTransaction);
        this.#db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
        throw error;
      } finally {
        this.#transactionOpen = false;
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const wake of waiting) wake();
      }
    });
  }

  isUniqueViolation(error: unknown): boolean {
    return (
      error instanceof Database.SqliteError && (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
    );
  }

  async close() {
    this.#db.close();
  }
}

function sqliteParams(params: HotValue[]): unknown[] {
  return params.map((p) => (p instanceof Date ? sqliteDate(p) : typeof p === "boolean" ? (p ? 1 : 0) : p));
}

// ---------------------------------------------------------------------------------------------
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;

/** Results in the shapes SQLite gives: dates as ISO text, counts as numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`).toISOString().replace("Z", "+00:00");
    if (oid === TIMESTAMPTZ) return (text: string) => new Date(text).toISOString().replace("Z", "+00:00");
    if (oid === INT8) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

class PostgresHot implements HotDatabase {
  readonly #pool: pg.Pool;
  readonly #names = new Map<string, { name: string; text: string }>();

  constructor(url: string, poolSize: number) {
    this.#pool = new pg.Pool({ connectionString: url, max: poolSize, types });
    // An idle connection the server closed (a restart, a failover) is dropped and made again on the
    // next use; unheard, the pool's error would end the process.
    this.#pool.on("error", (error) => console.warn(`[database] a connection of the hot path closed: ${error.message}`));
  }

  /** `?` becomes `$1, $2, …`, and the statement gets a name: each connection prepares it once. */
  #query(sql: string, params: HotValue[]): pg.QueryConfig {
    let known = this.#names.get(sql);
    if (!known) {
      let n = 0;
      known = { name: `hot${this.#names.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      this.#names.set(sql, known);
    }
    return { name: known.name, text: known.text, values: params.map(postgresParam) };
  }

  #on(client: pg.Pool | pg.PoolClient): HotStatements {
    return {
      get: async <T>(sql: string, ...params: HotValue[]) => (await client.query(this.#query(sql, params))).rows[0] as T | undefined,
      all: async <T>(sql: string, ...params: HotValue[]) => (await client.query(this.#query(sql, params))).rows as T[],
      run: async (sql: string, ...params: HotValue[]) => (await client.query(this.#query(sql, params))).rowCount ?? 0,
    };
  }

  get<T>(sql: string, ...params: HotValue[]) {
    return this.#on(this.#pool).get<T>(sql, ...params);
  }
  all<T>(sql: string, ...params: HotValue[]) {
    return this.#on(this.#pool).all<T>(sql, ...params);
  }
  run(sql: string, ...params: HotValue[]) {
    return this.#on(this.#pool).run(sql, ...params);
  }

  async transaction<T>(work: (tx: HotStatements) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(this.#on(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  isUniqueViolation(error: unknown): boolean {
    return error instanceof pg.DatabaseError && error.code === "23505";
  }

  close() {
    return this.#pool.end();
  }
}

/** Dates go to `timestamp(3)` columns, which Prisma fills with UTC wall time. */
function postgresParam(value: HotValue): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return withoutNul(value);
  return value;
}

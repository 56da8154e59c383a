// The one Prisma client of the app, on SQLite through better-sqlite3; and the one raw connection
// that the signing hot path uses (below).
//
// The write model (docs/decisions/001-write-model.md), for every write in the app:
// - a write that needs more than one statement is one `prisma.$transaction(async (tx) => …)` (or,
//   on the hot path, one synchronous `writeTransaction`); it takes the write lock when it begins
//   (BEGIN IMMEDIATE), so it can never fail half-way because another connection wrote first;
// - inside it, only `tx` is used: while it is open, every other query of this process waits for
//   its end, so no request ever sees another's uncommitted rows or is rolled back with it (a stray
//   `prisma.` call inside a transaction waits for it and fails with it at the timeout below);
// - while another process holds the lock, nobody waits inside SQLite: statements and BEGIN are
//   retried after short asynchronous pauses, so the event loop keeps serving;
// - nothing holds a transaction open across network I/O or a long loop: work in chunks, each its
//   own transaction, and send email through the outbox (written in the same transaction).
// A PostgreSQL engine can sit behind the same client: it would keep these rules with row locks
// and READ COMMITTED instead of one lock per database.
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma.server/client";
import { env } from "~/env.server";
import { GatedSqlite, retryWhileBusy } from "~/db/sqlite-adapter.server";

/** Waiting for the lock (maxWait) and holding it (timeout): both far above what any transaction needs. */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

function createClient() {
  return new PrismaClient({ adapter: new GatedSqlite(env().DATABASE_URL), transactionOptions: TRANSACTION_OPTIONS });
}

declare global {
  var __prisma: PrismaClient | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient());

/**
 * Every connection's settings. synchronous = NORMAL in WAL: a commit survives the application
 * crashing; only a power loss or OS crash may lose the last commits (README, Safety). With a
 * million signatures, their indexes on random keys (tokenHash, emailHash) no longer fit SQLite's
 * default 2 MB page cache, and each signature read pages back from the OS through read() calls:
 * a 64 MB cache per connection and the file mapped into memory (shared by every process, through
 * the OS page cache) made signing faster (README, Benchmarks).
 */
export const CONNECTION_PRAGMAS = ["synchronous = NORMAL", "cache_size = -64000", "mmap_size = 1073741824"];

/** Once per process: WAL lets readers go on while one writer writes. */
export async function configureDatabase() {
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  for (const pragma of CONNECTION_PRAGMAS) await prisma.$queryRawUnsafe(`PRAGMA ${pragma}`);
}

export async function databaseAnswers(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The hot path's own connection. Signing runs for every supporter at the peak of a campaign, and
// Prisma's per-query cost (query compiler, a fresh prepare per statement) was most of its time. So
// signing reads and writes through prepared better-sqlite3 statements on a second connection.
// Its writes are one synchronous IMMEDIATE transaction each, so the lock is never held across an
// await; and it never waits for the lock inside SQLite (timeout 0): a synchronous wait would block
// this process's event loop, and with it a Prisma transaction of this same process that holds the
// lock — a deadlock. When the database is busy it tries again after a short asynchronous pause.
// ---------------------------------------------------------------------------------------------
let hot: Database.Database | undefined;

export function hotConnection(): Database.Database {
  if (!hot) {
    hot = new Database(env().DATABASE_URL.replace(/^file:/, ""), { timeout: 0 });
    for (const pragma of CONNECTION_PRAGMAS) hot.pragma(pragma);
  }
  return hot;
}

const prepared = new Map<string, Database.Statement>();

/** A statement on the hot connection, prepared once. */
export function preparedStatement(sql: string): Database.Statement {
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = hotConnection().prepare(sql)));
  return statement;
}

/** Runs `work` on the hot connection, trying again while another writer holds the database. */
export function whenNotBusy<T>(work: () => T): Promise<T> {
  return retryWhileBusy(work);
}

/** A hot-path write refused by a unique index (e.g. the same address signing twice at once). */
export const isUniqueViolation = (error: unknown) => error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE";

/** One write transaction on the hot connection: all of `work` or nothing. */
export function writeTransaction<T>(work: () => T): Promise<T> {
  const transaction = hotConnection().transaction(work);
  return whenNotBusy(() => transaction.immediate());
}

/** SQLite's form of a DateTime, as Prisma's adapter writes it (ISO 8601, "+00:00"): they compare as text. */
export const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

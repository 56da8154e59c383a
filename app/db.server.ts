// The one Prisma client of the app, on SQLite through better-sqlite3 or on PostgreSQL through pg;
// and the hot path's own prepared statements (app/db/hot.server.ts).
//
// The write model (docs/decisions/001-write-model.md), for every write in the app:
// - a write that needs more than one statement is one `prisma.$transaction(async (tx) => …)` (or,
//   on the hot path, one `hot().transaction`); on SQLite it takes the write lock when it begins
//   (BEGIN IMMEDIATE), so it can never fail half-way because another connection wrote first;
// - inside it, only `tx` is used: while it is open, every other query of this process waits for
//   its end, so no request ever sees another's uncommitted rows or is rolled back with it (a stray
//   `prisma.` call inside a transaction waits for it and fails with it at the timeout below);
// - while another process holds the lock, nobody waits inside SQLite: statements and BEGIN are
//   retried after short asynchronous pauses, so the event loop keeps serving;
// - nothing holds a transaction open across network I/O or a long loop: work in chunks, each its
//   own transaction, and send email through the outbox (written in the same transaction).
// On PostgreSQL (DATABASE_URL=postgresql://…) the same client runs on the pg adapter, and the same
// rules hold with row locks under READ COMMITTED instead of one lock per database: a write that
// depends on what it read is one conditional statement (updateMany with the expected state in its
// `where`, an upsert, ON CONFLICT) or is settled by a unique index, never a read and then a write.
import { engineOf } from "~/db/engine";
import { postgresAdapter } from "~/db/postgres-adapter.server";
import { CONNECTION_PRAGMAS, openHotDatabase, type HotDatabase } from "~/db/hot.server";
import { PrismaClient } from "~/generated/prisma.server/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres.server/client";
import { env } from "~/env.server";
import { GatedSqlite, retryWhileBusy } from "~/db/sqlite-adapter.server";

export { CONNECTION_PRAGMAS, sqliteDate } from "~/db/hot.server";
export type { HotStatements } from "~/db/hot.server";

/** Waiting for the lock (maxWait) and holding it (timeout): both far above what any transaction needs. */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/** The engine this process runs on, from DATABASE_URL. */
export const engine = () => engineOf(env().DATABASE_URL);

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (engineOf(url) === "sqlite") return new PrismaClient({ adapter: new GatedSqlite(url), transactionOptions: TRANSACTION_OPTIONS });
  // The same models from the same schema (scripts/postgres-schema.ts): only the engine differs.
  const client = new PostgresPrismaClient({
    adapter: postgresAdapter(url, env().DATABASE_POOL_SIZE),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return client as unknown as PrismaClient;
}

declare global {
  var __prisma: PrismaClient | undefined;
  var __hotDatabase: HotDatabase | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient());

/**
 * Once per process, on SQLite: WAL lets readers go on while one writer writes. And every
 * connection's settings (CONNECTION_PRAGMAS): synchronous = NORMAL in WAL: a commit survives the application
 * crashing; only a power loss or OS crash may lose the last commits (README, Safety). With a
 * million signatures, their indexes on random keys (tokenHash, emailHash) no longer fit SQLite's
 * default 2 MB page cache, and each signature read pages back from the OS through read() calls:
 * a 64 MB cache per connection and the file mapped into memory (shared by every process, through
 * the OS page cache) made signing faster (README, Benchmarks).
 */
export async function configureDatabase() {
  if (engine() !== "sqlite") return;
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

/** The hot path's own connection (app/db/hot.server.ts): prepared statements on either engine. */
export function hot(): HotDatabase {
  return (globalThis.__hotDatabase ??= openHotDatabase(env().DATABASE_URL, { poolSize: env().DATABASE_POOL_SIZE }));
}

/** Closes this process's connections (tests, scripts that end). */
export async function disconnectDatabase() {
  await globalThis.__prisma?.$disconnect();
  globalThis.__prisma = undefined;
  await globalThis.__hotDatabase?.close();
  globalThis.__hotDatabase = undefined;
}

/** Runs `work` again after a short pause while another SQLite connection holds the write lock. */
export function whenNotBusy<T>(work: () => T | Promise<T>): Promise<T> {
  return retryWhileBusy(work);
}

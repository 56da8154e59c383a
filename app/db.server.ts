// The one Prisma client of the app, on SQLite through better-sqlite3; and the one raw connection
// that the signing hot path uses (below).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma.server/client";
import { env } from "~/env.server";

function createClient() {
  // busy timeout: a writer waits for another instead of failing at once ("database is locked").
  const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

declare global {
  // eslint-disable-next-line no-var
  var __prisma: PrismaClient | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient());

/** Once per process: WAL lets readers go on while one writer writes. */
export async function configureDatabase() {
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
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
    hot.pragma("synchronous = NORMAL");
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

const BUSY_GIVE_UP_MS = 5000;
const isBusy = (error: unknown) => error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code.startsWith("SQLITE_BUSY_"));

/** Runs `work` on the hot connection, trying again while another writer holds the database. */
export async function whenNotBusy<T>(work: () => T): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > BUSY_GIVE_UP_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 25) * (0.5 + Math.random())));
    }
  }
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

// A database of its own for one test file or one test server, on the engine the run is for:
// SQLite by default (a fresh file with every migration applied), PostgreSQL when TEST_POSTGRES_URL
// names a cluster (`npm run test:postgres`): a new database copied from a migrated template.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openHotDatabase, type HotDatabase, type HotStatements } from "~/db/hot.server";
import { createMigratedDatabase } from "./migrated-database";

export type TestEngine = "sqlite" | "postgresql";

export const testEngine = (): TestEngine => (process.env.TEST_POSTGRES_URL ? "postgresql" : "sqlite");

/** The migrated database that every test database of a PostgreSQL run is copied from. */
export const POSTGRES_TEMPLATE = "sl_template";

export interface TestDatabase {
  url: string;
  /** SQLite: the database file; PostgreSQL: null. */
  file: string | null;
  drop(): Promise<void>;
}

/** `postgresql://…/<name>` on the run's cluster. */
export function postgresUrl(database: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix = "sl-test-"): Promise<TestDatabase> {
  if (testEngine() === "sqlite") {
    const database = createMigratedDatabase(prefix);
    return { url: database.url, file: database.file, drop: async () => fs.rmSync(database.dir, { recursive: true, force: true }) };
  }
  const name = `${prefix.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}${crypto.randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${POSTGRES_TEMPLATE}"`));
  return {
    url: postgresUrl(name),
    file: null,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Reads another process's database (a test server's) with plain SQL, on either engine. */
export async function readTestDatabase<T>(url: string, read: (db: HotDatabase) => Promise<T>): Promise<T> {
  const db = openHotDatabase(url, { poolSize: 1 });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/**
 * Another process's writer holding the lock that writes to `table` need, for `ms`: SQLite's one
 * write lock, or a PostgreSQL lock on the table that lets reads through and holds writes back.
 * Resolves once the lock is held; `released` settles when it has been let go.
 */
export async function holdWriteLock(table: string, ms: number): Promise<{ released: Promise<void> }> {
  const url = process.env.DATABASE_URL!;
  if (testEngine() === "sqlite") {
    const other = new Database(url.replace(/^file:/, ""), { timeout: 0 });
    other.prepare("BEGIN IMMEDIATE").run();
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.prepare("COMMIT").run();
        other.close();
        resolve();
      }, ms),
    );
    return { released };
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
  const released = new Promise<void>((resolve, reject) =>
    setTimeout(() => {
      other
        .query("COMMIT")
        .then(() => other.end())
        .then(resolve, reject);
    }, ms),
  );
  return { released };
}

/**
 * The bytes of the test's database as they lie on disk, each part named: a SQLite file and its
 * write-ahead log; or, on PostgreSQL (after a checkpoint), the database's own files and the
 * cluster's write-ahead log.
 */
export async function databaseOnDisk(): Promise<Array<{ part: "data" | "log"; bytes: Buffer }>> {
  const url = process.env.DATABASE_URL!;
  if (testEngine() === "sqlite") {
    const file = url.replace(/^file:/, "");
    return [
      { part: "data", bytes: fs.readFileSync(file) },
      ...(fs.existsSync(`${file}-wal`) ? [{ part: "log" as const, bytes: fs.readFileSync(`${file}-wal`) }] : []),
    ];
  }
  const dataDir = process.env.TEST_POSTGRES_DATA_DIR;
  if (!dataDir) throw new Error("TEST_POSTGRES_DATA_DIR is not set: run the PostgreSQL tests with `npm run test:postgres`.");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let oid: string;
  try {
    await client.query("CHECKPOINT");
    oid = (await client.query<{ oid: string }>("SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()")).rows[0]!.oid;
  } finally {
    await client.end();
  }
  const filesIn = (dir: string) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => path.join(dir, f.name));
  return [
    ...filesIn(path.join(dataDir, "base", oid)).map((file) => ({ part: "data" as const, bytes: fs.readFileSync(file) })),
    ...filesIn(path.join(dataDir, "pg_wal")).map((file) => ({ part: "log" as const, bytes: fs.readFileSync(file) })),
  ];
}

/** Every table of the app's schema, for tests that look at every row. */
export async function everyTable(db: HotStatements): Promise<string[]> {
  const rows =
    testEngine() === "sqlite"
      ? await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
  return rows.map((r) => r.name);
}

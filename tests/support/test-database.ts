// A database of its own for one test file or one test server, on the engine the run is for:
// SQLite by default (a fresh file with every migration applied), PostgreSQL when TEST_POSTGRES_URL
// names a cluster (`npm run test:postgres`): a new database copied from a migrated template.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { openHotDatabase, type HotStatements } from "~/db/hot.server";
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
export async function readTestDatabase<T>(url: string, read: (db: HotStatements) => Promise<T>): Promise<T> {
  const db = openHotDatabase(url, { poolSize: 1 });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

// Applies prisma/postgres/migrations to a PostgreSQL database, as `prisma migrate deploy` would: in
// order, each in its own transaction, recorded in Prisma's own `_prisma_migrations` table (so
// Prisma's tools read the history as theirs). Prisma 6.19's migrate cannot read a PostgreSQL
// catalog through the pg driver adapter ("Column type 'name' could not be deserialized",
// prisma/prisma#27403), and without the adapter it needs an engine binary that cannot be
// downloaded here. Several servers starting at once take turns on an advisory lock.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");

/** The number Prisma's migrate takes its advisory lock with: the two never migrate at once. */
const MIGRATION_LOCK = 72707369;

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The migration folders under `dir`, in the order they apply (either engine's). */
export function migrationFolders(dir = POSTGRES_MIGRATIONS): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Applies what is missing; returns the names of the migrations it applied. */
export async function applyPostgresMigrations(url: string, dir = POSTGRES_MIGRATIONS): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(HISTORY_TABLE);
    const done = new Set(
      (
        await client.query<{ name: string }>(
          `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
        )
      ).rows.map((r) => r.name),
    );
    for (const name of migrationFolders(dir)) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      applied.push(name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

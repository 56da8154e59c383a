// Each engine's migrations build exactly its schema: SQLite's prisma/migrations build
// prisma/schema.prisma, and PostgreSQL's prisma/postgres/migrations build the schema made from it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { pendingSchemaChanges } from "../scripts/migrations";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "../scripts/postgres-schema";
import { POSTGRES_TEMPLATE, postgresUrl, testEngine } from "./support/test-database";

describe("the schemas", () => {
  it("have one source: PostgreSQL's is made from SQLite's, and the committed file is up to date", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });
});

describe("migrations", () => {
  it(`build exactly the schema, on ${testEngine()}`, async () => {
    if (testEngine() === "sqlite") {
      // Both histories against the schema read back from SQLite's (npm run db:migration makes both).
      expect(pendingSchemaChanges()).toEqual({ sqlite: "", postgresql: "" });
      return;
    }
    // PostgreSQL: the run's template was built by the migrations; another database is built from the
    // schema alone; their catalogs must be the same.
    const fromSchema = await createEmptyDatabase();
    try {
      const ddl = schemaDdl();
      await withClient(fromSchema.url, (client) => client.query(ddl));
      const [migrated, expected] = await Promise.all([catalog(postgresUrl(POSTGRES_TEMPLATE)), catalog(fromSchema.url)]);
      expect(migrated).toEqual(expected);
      expect(migrated.length).toBeGreaterThan(100);
    } finally {
      await fromSchema.drop();
    }
  }, 60_000);
});

/** The SQL that makes the PostgreSQL schema from nothing, as Prisma writes it. */
function schemaDdl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-ddl-"));
  try {
    const out = path.join(dir, "schema.sql");
    const result = spawnSync(
      path.resolve("node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script", "-o", out],
      // Two datamodels: nothing is read from a database (a SQLite url keeps the CLI from connecting).
      { env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "unused.db")}` }, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`migrate diff failed:\n${result.stdout}${result.stderr}`);
    return fs.readFileSync(out, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function createEmptyDatabase() {
  const name = `sl_schema_${Date.now()}`;
  await withClient(process.env.TEST_POSTGRES_URL!, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: postgresUrl(name),
    drop: () => withClient(process.env.TEST_POSTGRES_URL!, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`)),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every column, index and constraint of the app's tables, as text (the migrations' own table aside). */
async function catalog(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ line: string }>(`
      SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-')) AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      UNION ALL
      SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
      UNION ALL
      SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relname = '_prisma_migrations')
      ORDER BY 1`);
    return rows.map((r) => r.line);
  });
}

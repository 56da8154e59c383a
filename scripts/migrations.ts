// Making migrations offline, for both engines at once. `prisma migrate dev` needs a shadow database,
// which the better-sqlite3 adapter does not give it; instead: apply the existing SQLite migrations
// to a scratch file, read its schema back (`db pull`), and diff that against prisma/schema.prisma.
// The same schema read back, with PostgreSQL as its provider, diffed against
// prisma/postgres/schema.prisma, is PostgreSQL's migration: the two histories stay in step (the
// tests check each against its schema).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { POSTGRES_MIGRATIONS } from "~/db/postgres-migrations.server";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./postgres-schema";

const prismaBin = path.resolve("node_modules/.bin/prisma");

function prisma(args: string[], databaseUrl: string) {
  return spawnSync(prismaBin, args, { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
}

/** The SQL that takes the migrated database to schema.prisma (SQLite's, then PostgreSQL's); empty when they already agree. */
export function pendingSchemaChanges(): { sqlite: string; postgresql: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-migrate-"));
  try {
    const url = `file:${path.join(dir, "scratch.db")}`;
    const deploy = prisma(["migrate", "deploy"], url);
    if (deploy.status !== 0) throw new Error(`migrate deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    const pull = prisma(["db", "pull", "--print"], url);
    if (pull.status !== 0) throw new Error(`db pull failed:\n${pull.stdout}${pull.stderr}`);
    // The CLI prints a warning about the datasource url first: keep the schema only.
    const start = pull.stdout.search(/^(generator|datasource) /m);
    const pulled = path.join(dir, "pulled.prisma");
    fs.writeFileSync(pulled, pull.stdout.slice(start));
    const pulledPostgres = path.join(dir, "pulled-postgres.prisma");
    fs.writeFileSync(
      pulledPostgres,
      pull.stdout
        .slice(start)
        .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
        .replace(/url\s*=\s*".*"/, 'url = "postgresql://localhost/ignored"')
        // SQLite reads every INTEGER PRIMARY KEY back as autoincrement; the schema has none.
        .replaceAll(" @default(autoincrement())", ""),
    );
    const diff = (from: string, to: string, databaseUrl: string) => {
      const out = path.join(dir, "diff.sql");
      fs.rmSync(out, { force: true });
      const result = prisma(
        ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script", "--exit-code", "-o", out],
        databaseUrl,
      );
      if (result.status === 0) return "";
      if (result.status !== 2) throw new Error(`migrate diff failed:\n${result.stdout}${result.stderr}`);
      return fs.readFileSync(out, "utf8");
    };
    return {
      sqlite: diff(pulled, "prisma/schema.prisma", url),
      // Two datamodels: the diff reads no database (the scratch file only satisfies the config).
      postgresql: diff(pulledPostgres, POSTGRES_SCHEMA, url),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>");
    process.exit(1);
  }
  // PostgreSQL's schema is made from SQLite's first.
  fs.writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  const changes = pendingSchemaChanges();
  if (!changes.sqlite.trim() && !changes.postgresql.trim()) {
    console.log("schema.prisma and the migrations agree: nothing to do.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [folder, sql] of [
    [path.join("prisma", "migrations"), changes.sqlite],
    [POSTGRES_MIGRATIONS, changes.postgresql],
  ] as const) {
    if (!sql.trim()) continue;
    const dir = path.join(folder, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql — read it before you commit it.`);
  }
}

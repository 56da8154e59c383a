// Making migrations offline. `prisma migrate dev` needs a shadow database, which the
// better-sqlite3 adapter does not give it; instead: apply the existing migrations to a scratch
// file, read its schema back (`db pull`), and diff that against prisma/schema.prisma.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const prismaBin = path.resolve("node_modules/.bin/prisma");

function prisma(args: string[], databaseUrl: string) {
  return spawnSync(prismaBin, args, { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
}

/** The SQL that takes the migrated database to schema.prisma; empty when they already agree. */
export function pendingSchemaChange(): string {
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
    const out = path.join(dir, "diff.sql");
    const diff = prisma(
      [
        "migrate",
        "diff",
        "--from-schema-datamodel",
        pulled,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
        "--exit-code",
        "-o",
        out,
      ],
      url,
    );
    if (diff.status === 0) return "";
    if (diff.status !== 2) throw new Error(`migrate diff failed:\n${diff.stdout}${diff.stderr}`);
    return fs.readFileSync(out, "utf8");
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
  const sql = pendingSchemaChange();
  if (!sql.trim()) {
    console.log("schema.prisma and the migrations agree: nothing to do.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${dir}/migration.sql — read it before you commit it.`);
}

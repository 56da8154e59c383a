// The Prisma CLI (generate, migrate deploy, diff) for the engine DATABASE_URL names: SQLite by
// default, PostgreSQL for `postgresql://` (its schema is made from prisma/schema.prisma, see
// scripts/postgres-schema.ts, and has its own migrations).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./data/app.db";
const postgres = /^postgres(ql)?:\/\//.test(url);
const folder = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (postgres) return new PrismaPg({ connectionString: url });
    // SQLite creates the file but not its folder; a fresh clone has no data/ yet.
    fs.mkdirSync(path.dirname(url.replace(/^file:/, "")), { recursive: true });
    // The migration CLI is a process of its own: waiting inside SQLite for a serving app's write to
    // finish is fine here (the app itself never waits inside SQLite; docs/decisions/001).
    return new PrismaBetterSQLite3({ url, timeout: 10_000 });
  },
});

import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "file:./data/app.db";
    // SQLite creates the file but not its folder; a fresh clone has no data/ yet.
    fs.mkdirSync(path.dirname(url.replace(/^file:/, "")), { recursive: true });
    // The migration CLI is a process of its own: waiting inside SQLite for a serving app's write to
    // finish is fine here (the app itself never waits inside SQLite; docs/decisions/001).
    return new PrismaBetterSQLite3({ url, timeout: 10_000 });
  },
});

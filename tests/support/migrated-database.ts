// A fresh SQLite file with every migration applied, for one test file or one test server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export function migrationFiles(): string[] {
  const dir = path.resolve("prisma/migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, "migration.sql"))
    .sort();
}

export function createMigratedDatabase(prefix = "sl-test-"): { dir: string; file: string; url: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "app.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  for (const migration of migrationFiles()) db.exec(fs.readFileSync(migration, "utf8"));
  db.close();
  return { dir, file, url: `file:${file}` };
}

// Backups of the SQLite database: consistent copies taken while the app serves (SQLite's online
// backup API), kept in BACKUP_DIR; the check and swap of `npm run restore`; the "serving" marker.
// Backups hold no secrets: DATA_KEY lives in the environment (or data/dev-secrets.json), never here.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { engineOf } from "~/db/engine";
import { env } from "~/env.server";
import { reportBackgroundError } from "~/background.server";

/** Why `npm run backup`/`restore` and scheduled backups do nothing on PostgreSQL (README, "PostgreSQL"). */
export const POSTGRES_BACKUPS =
  "This install runs on PostgreSQL: back it up with pg_dump (or your provider's point-in-time recovery) and restore with pg_restore. `npm run backup` and `npm run restore` copy SQLite files only.";

const onSqlite = () => engineOf(env().DATABASE_URL) === "sqlite";

export function databaseFile(): string {
  return path.resolve(env().DATABASE_URL.replace(/^file:/, ""));
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, "-");

/** Copies the live database into `dir` as <prefix>-<time>.db. Readers and writers carry on meanwhile. */
export async function backupDatabase({
  dir = env().backupDir,
  prefix = "backup",
  now = new Date(),
  source = databaseFile(),
} = {}): Promise<string> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${prefix}-${stamp(now)}.db`);
  const partial = `${target}.partial`;
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  // One self-contained file: no write-ahead log beside it (the app switches WAL back on when it starts).
  const copy = new Database(partial);
  copy.pragma("journal_mode = DELETE");
  copy.close();
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  return target;
}

/** Deletes all but the `keep` newest backups made with this prefix. */
export function pruneBackups(dir: string, keep: number, prefix = "scheduled"): string[] {
  if (!fs.existsSync(dir)) return [];
  const ours = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".db"))
    .sort()
    .reverse();
  const removed = ours.slice(keep);
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return removed;
}

function newestBackupTime(dir: string, prefix: string): number {
  if (!fs.existsSync(dir)) return 0;
  const times = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".db"))
    .map((name) => fs.statSync(path.join(dir, name)).mtimeMs);
  return Math.max(0, ...times);
}

/** Scheduled backups in the primary's background work: one when the newest is BACKUP_INTERVAL_HOURS old. */
export function startScheduledBackups(checkEveryMs = 10 * 60_000) {
  const { BACKUP_INTERVAL_HOURS: hours, BACKUP_KEEP: keep, backupDir: dir } = env();
  if (hours === 0 || !onSqlite()) return () => {};
  let running = false;
  const run = async () => {
    if (running || Date.now() - newestBackupTime(dir, "scheduled") < hours * 3600_000) return;
    running = true;
    try {
      await backupDatabase({ dir, prefix: "scheduled" });
      pruneBackups(dir, keep);
    } catch (error) {
      reportBackgroundError("backups", "taking a scheduled backup", error);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), Math.min(checkEveryMs, hours * 3600_000));
  timer.unref();
  return () => clearInterval(timer);
}

/** The tables this app's database always has: a file without them is not one of its backups. */
const expectedTables = ["_prisma_migrations", "Organisation", "User", "Campaign", "Signature", "OutboxEmail"];

/** Why a file cannot be restored, or null when it is a sound database of this app. */
export function backupProblem(file: string, knownMigrations: string[]): string | null {
  if (!fs.existsSync(file)) return `${file} does not exist.`;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `${file} is not an SQLite database (${error instanceof Error ? error.message : String(error)}).`;
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") return `${file} is damaged: ${String(check)}.`;
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all());
    const missing = expectedTables.filter((t) => !tables.has(t));
    if (missing.length) return `${file} is not a database of Solidarity letters (no ${missing.join(", ")} table).`;
    const applied = db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`).pluck().all();
    const unknown = applied.filter((name) => typeof name !== "string" || !knownMigrations.includes(name));
    if (unknown.length)
      return `${file} comes from a newer version of the app (migrations ${unknown.join(", ")} are unknown here): upgrade the app first.`;
    return null;
  } catch (error) {
    return `${file} cannot be read as a database (${error instanceof Error ? error.message : String(error)}).`;
  } finally {
    db.close();
  }
}

/** Beside the database while a server or worker has it open: one "<database>.serving.<pid>" each. */
export function markServing(database = databaseFile()): () => void {
  // On PostgreSQL nothing swaps the database under a server: no marker.
  if (!onSqlite()) return () => {};
  const marker = `${database}.serving.${process.pid}`;
  fs.writeFileSync(marker, "");
  return () => fs.rmSync(marker, { force: true });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
};

/** The pid of a live process serving this database, if any (stale markers of dead ones are ignored). */
export function servingPid(database = databaseFile()): number | null {
  const dir = path.dirname(database);
  if (!fs.existsSync(dir)) return null;
  const prefix = `${path.basename(database)}.serving.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  }
  return null;
}

/** Whether the keys configured now open the backup's encrypted values (tried on one signer). */
export function keysOpen(file: string, decrypt: (value: string) => string): boolean | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const sample = db.prepare(`SELECT "nameEnc" FROM "Signature" WHERE "nameEnc" IS NOT NULL LIMIT 1`).pluck().get();
    if (typeof sample !== "string") return null;
    try {
      decrypt(sample);
      return true;
    } catch {
      return false;
    }
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in the database's place: the current database (if any) is kept aside as
 * <name>.before-restore-<time>, then the copy is renamed in. Returns where the old one went.
 */
export function restoreDatabase(
  file: string,
  { database = databaseFile(), knownMigrations, now = new Date() }: { database?: string; knownMigrations: string[]; now?: Date },
): { keptAside: string | null } {
  const pid = servingPid(database);
  if (pid) throw new Error(`The app is serving this database (process ${pid}). Stop it first, then restore.`);
  const problem = backupProblem(file, knownMigrations);
  if (problem) throw new Error(problem);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  let keptAside: string | null = null;
  if (fs.existsSync(database)) {
    // Closing the last connection folds the write-ahead log into the file, so the copy kept aside is whole.
    new Database(database, { fileMustExist: true }).close();
    keptAside = `${database}.before-restore-${stamp(now)}`;
    fs.renameSync(database, keptAside);
    for (const suffix of ["-wal", "-shm"]) if (fs.existsSync(database + suffix)) fs.renameSync(database + suffix, keptAside + suffix);
  }
  const incoming = `${database}.restoring`;
  fs.copyFileSync(file, incoming);
  const fd = fs.openSync(incoming, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.chmodSync(incoming, 0o600);
  fs.renameSync(incoming, database);
  return { keptAside };
}

/** The migrations this version of the app knows (prisma/migrations). */
export function knownMigrations(dir = path.resolve("prisma/migrations")): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

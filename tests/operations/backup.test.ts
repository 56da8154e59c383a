// Backups: a copy taken while the app has the database open restores into a new folder, and the
// signer reads back with the key (which the backup does not hold). Restore refuses what is not ours.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "~/env.server";
import {
  backupDatabase,
  backupProblem,
  keysOpen,
  knownMigrations,
  markServing,
  pruneBackups,
  restoreDatabase,
  startScheduledBackups,
} from "~/operations/backup.server";
import { decrypt } from "~/security/crypto.server";
import { addMigrationLedger, petition, sign } from "./support";

vi.hoisted(() => {
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sl-backup-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

beforeAll(addMigrationLedger);

describe("backup and restore", () => {
  it("backs up while the app serves, restores into a fresh folder, and the signer reads back with the key", async () => {
    const campaign = await petition();
    await sign(campaign.slug, { name: "Dana Restore", email: "dana.restore@example.org", city: "Ghent" });
    const dir = path.join(scratch, "backups");
    // The app's own connection stays open (and in WAL mode) throughout, as in a serving app.
    const file = await backupDatabase({ dir });
    expect(path.basename(file)).toMatch(/^backup-\d{4}-\d\d-\d\dT.*\.db$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Backups carry no secrets.
    expect(fs.readFileSync(file).includes(Buffer.from(env().DATA_KEY))).toBe(false);
    await sign(campaign.slug, { name: "After Backup", email: "after.backup@example.org" });

    const target = path.join(scratch, "fresh", "app.db");
    expect(restoreDatabase(file, { database: target, knownMigrations: knownMigrations() })).toEqual({ keptAside: null });
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]); // one self-contained file, nothing beside it
    const restored = new Database(target, { readonly: true });
    const rows = restored.prepare(`SELECT "nameEnc", "cityEnc" FROM "Signature" WHERE "campaignId" = ?`).all(campaign.id) as Array<{
      nameEnc: string;
      cityEnc: string | null;
    }>;
    restored.close();
    expect(rows.map((r) => decrypt(r.nameEnc))).toEqual(["Dana Restore"]);
    expect(decrypt(rows[0]!.cityEnc!)).toBe("Ghent");
    expect(keysOpen(target, decrypt)).toBe(true);
    expect(
      keysOpen(target, () => {
        throw new Error("another key");
      }),
    ).toBe(false);

    // Restoring again keeps the database it replaces aside.
    const again = restoreDatabase(file, { database: target, knownMigrations: knownMigrations() });
    expect(again.keptAside).toMatch(/app\.db\.before-restore-/);
    expect(fs.existsSync(again.keptAside!)).toBe(true);
    expect(fs.existsSync(target)).toBe(true);
  });

  it("refuses a file that is not a database of this app, one from a newer version, and a database in use", async () => {
    const target = path.join(scratch, "refusals", "app.db");
    const text = path.join(scratch, "notes.db");
    fs.writeFileSync(text, "not a database at all, just some text that is long enough to not be empty");
    expect(() => restoreDatabase(text, { database: target, knownMigrations: knownMigrations() })).toThrow(
      /not an SQLite database|cannot be read|damaged/,
    );
    const other = path.join(scratch, "other.db");
    new Database(other).exec("CREATE TABLE notes (id INTEGER)").close();
    expect(backupProblem(other, knownMigrations())).toMatch(/not a database of Solidarity letters/);
    const ours = await backupDatabase({ dir: path.join(scratch, "b2") });
    expect(backupProblem(ours, knownMigrations().slice(0, -1))).toMatch(/newer version/);
    expect(fs.existsSync(target)).toBe(false);

    fs.mkdirSync(path.dirname(target), { recursive: true });
    const stale = `${target}.serving.99999999`; // left by a process that was killed
    fs.writeFileSync(stale, "");
    const unmark = markServing(target);
    expect(() => restoreDatabase(ours, { database: target, knownMigrations: knownMigrations() })).toThrow(
      /serving this database \(process \d+\)/,
    );
    unmark();
    // Once stopped (its marker gone), the restore goes ahead.
    restoreDatabase(ours, { database: target, knownMigrations: knownMigrations() });
    expect(backupProblem(target, knownMigrations())).toBeNull();
    expect(fs.existsSync(stale)).toBe(true);
  });

  it("keeps the newest scheduled backups and deletes the older ones", async () => {
    const dir = path.join(scratch, "scheduled");
    for (let day = 1; day <= 4; day++) await backupDatabase({ dir, prefix: "scheduled", now: new Date(`2026-11-0${day}T03:00:00Z`) });
    const manual = await backupDatabase({ dir, now: new Date("2026-10-01T03:00:00Z") });
    expect(pruneBackups(dir, 2)).toHaveLength(2);
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual([path.basename(manual), "scheduled-2026-11-03T03-00-00-000Z.db", "scheduled-2026-11-04T03-00-00-000Z.db"]);
  });

  it("runs on schedule in the background work: one when none is recent, none again until the interval has passed", async () => {
    const dir = env().backupDir;
    const scheduled = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith("scheduled-") && n.endsWith(".db")) : []);
    expect(scheduled()).toEqual([]);
    const stop = startScheduledBackups();
    await expect.poll(scheduled, { timeout: 10_000 }).toHaveLength(1);
    stop();
    expect(backupProblem(path.join(dir, scheduled()[0]!), knownMigrations())).toBeNull();
    const again = startScheduledBackups();
    await new Promise((resolve) => setTimeout(resolve, 300));
    again();
    expect(scheduled()).toHaveLength(1);
  });
});

describe("on a PostgreSQL install", () => {
  it("npm run backup and restore refuse, saying to use pg_dump, and write nothing", () => {
    const environment = {
      ...process.env,
      DATABASE_URL: "postgresql://letters@127.0.0.1:1/letters",
      SESSION_SECRET: "s".repeat(40),
      DATA_KEY: Buffer.alloc(32, 3).toString("base64"),
      BACKUP_DIR: path.join(scratch, "postgres-backups"),
    };
    for (const script of ["scripts/backup.ts", "scripts/restore.ts"]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", script, "some-file.db"], { env: environment, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain("pg_dump");
    }
    expect(fs.existsSync(path.join(scratch, "postgres-backups"))).toBe(false);
  }, 30_000);
});

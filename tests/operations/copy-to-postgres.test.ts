// Moving an SQLite install to PostgreSQL: the demo data, a signer and an outbox email arrive whole
// (dates, booleans, bytes, encrypted text), the app's PostgreSQL client reads them, and the copy
// never writes into a database that already holds data. It starts a cluster of its own, so it runs
// in both test runs.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopyRefusal, copyToPostgres, type CopyResult } from "~/db/copy-to-postgres.server";
import { postgresAdapter } from "~/db/postgres-adapter.server";
import { GatedSqlite } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma.server/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres.server/client";
import { enqueueEmail, readable } from "~/mail/outbox.server";
import { decrypt, emailHash, encrypt, tokenHash } from "~/security/crypto.server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/throwaway-postgres";
import { demoCases } from "../../prisma/seed/cases";
import { demoOrganisation } from "../../prisma/seed/demo-organisation";
import { seedDemo } from "../../prisma/seed/seed.server";
import { createMigratedDatabase, migrationFiles } from "../support/migrated-database";

let cluster: ThrowawayPostgres;
let source: ReturnType<typeof createMigratedDatabase>;
let sqlite: PrismaClient;
let signatureId: string;
let outboxId: string;
const scratch: string[] = [];

/** A migrated SQLite file with the ledger `prisma migrate deploy` keeps, as the app's start leaves it. */
function sqliteInstall(leaveOut = 0) {
  const database = createMigratedDatabase("sl-copy-");
  scratch.push(database.dir);
  const db = new Database(database.file);
  db.exec(
    `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  );
  const names = migrationFiles().map((f) => path.basename(path.dirname(f)));
  for (const name of names.slice(0, names.length - leaveOut)) {
    db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, 'x', current_timestamp, ?, 1)`,
    ).run(crypto.randomUUID(), name);
  }
  db.close();
  return database;
}

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function targetCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  source = sqliteInstall();
  sqlite = new PrismaClient({ adapter: new GatedSqlite(source.url) });
  await seedDemo(sqlite);
  const campaign = await sqlite.campaign.findFirstOrThrow();
  const signature = await sqlite.signature.create({
    data: {
      campaignId: campaign.id,
      emailHash: emailHash("zhanna.signer@example.org"),
      nameEnc: encrypt("Zhanna Signer"),
      emailEnc: encrypt("zhanna.signer@example.org"),
      cityEnc: encrypt("Almaty"),
      commentEnc: encrypt("Free them — сейчас.\nEvery one of them."),
      country: "KZ",
      showName: true,
      wantsUpdates: false,
      language: "ru",
      status: "confirmed",
      tokenHash: tokenHash("zhanna-token"),
      confirmationSentAt: new Date("2026-11-27T23:59:59.123Z"),
      confirmedAt: new Date("2026-11-28T00:00:00.456Z"),
    },
  });
  signatureId = signature.id;
  outboxId = (
    await sqlite.$transaction((tx) =>
      enqueueEmail(tx, {
        dedupeKey: `confirm-signature:${signature.id}`,
        kind: "confirm-signature",
        from: "Solidarity letters <letters@example.org>",
        to: "zhanna.signer@example.org",
        subject: "Confirm your signature",
        html: "<p>Confirm</p>",
        text: "Confirm",
        sensitive: true,
      }),
    )
  ).id;
  // Values as other writers than Prisma leave them: SQL's CURRENT_TIMESTAMP text, milliseconds as
  // an integer, bytes, and integers beyond what a JavaScript number holds exactly.
  await sqlite.$disconnect();
  const raw = new Database(source.file);
  raw
    .prepare(
      `INSERT INTO "Signature" ("id", "campaignId", "country", "status", "tokenHash", "confirmationSentAt", "showName", "createdAt") VALUES ('raw-signature', ?, 'BE', 'pending', 'raw-token', ?, 0, '2026-11-28 12:00:00')`,
    )
    .run(campaign.id, Date.UTC(2026, 10, 28, 9, 30, 0, 250));
  raw
    .prepare(
      `INSERT INTO "Response" ("id", "channel", "receivedAt", "fileName", "fileData") VALUES ('raw-response', 'post', ?, 'scan.pdf', ?)`,
    )
    .run("2026-11-28T10:00:00.000+00:00", Buffer.from([0, 1, 2, 255, 37, 80, 68, 70]));
  raw.prepare(`INSERT INTO "RateLimit" ("key", "points", "expire") VALUES ('sign:198.51.100.9', 3, ?)`).run(9_007_199_254_740_993n);
  raw.close();
  sqlite = new PrismaClient({ adapter: new GatedSqlite(source.url) });
}, 60_000);

afterAll(async () => {
  await sqlite?.$disconnect();
  cluster?.stop();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe("copying an SQLite install into PostgreSQL", () => {
  let target: string;
  let result: CopyResult;
  const log: string[] = [];

  beforeAll(async () => {
    target = await createDatabase("moved");
    // Far from UTC, so that a date read or written in local time would show.
    const zone = process.env.TZ;
    process.env.TZ = "America/Anchorage";
    try {
      result = await copyToPostgres({ from: source.url, to: target, log: (line) => log.push(line) });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  }, 60_000);

  it("copies every table of the SQLite file, with as many rows in each, and prints the counts", async () => {
    const db = new Database(source.file, { readonly: true });
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      )
      .pluck()
      .all()
      .map(String);
    const sourceCounts = Object.fromEntries(tables.map((t) => [t, Number(db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get())]));
    db.close();

    expect(result.countsMatch).toBe(true);
    expect(result.counts.map((c) => c.table).sort()).toEqual(tables);
    const copied = await targetCounts(target);
    for (const table of tables) expect(copied[table], table).toBe(sourceCounts[table]);
    expect(sourceCounts.Signature).toBe(2);
    expect(sourceCounts.Target).toBeGreaterThan(0);
    expect(result.rows).toBe(Object.values(sourceCounts).reduce((a, b) => a + b, 0));
    expect(log.join("\n")).toMatch(/Signature\s+2\s+2/);
  });

  it("keeps a signer's row exactly: dates, booleans and the encrypted fields, which the same key opens", async () => {
    const postgres = new PostgresPrismaClient({ adapter: postgresAdapter(target, 2) });
    try {
      const before = await sqlite.signature.findUniqueOrThrow({ where: { id: signatureId } });
      const after = await postgres.signature.findUniqueOrThrow({ where: { id: signatureId } });
      expect(after).toEqual(before);
      expect(after.confirmedAt).toEqual(new Date("2026-11-28T00:00:00.456Z"));
      expect(after.showName).toBe(true);
      expect(after.wantsUpdates).toBe(false);
      expect(decrypt(after.nameEnc!)).toBe("Zhanna Signer");
      expect(decrypt(after.commentEnc!)).toBe("Free them — сейчас.\nEvery one of them.");

      const email = await postgres.outboxEmail.findUniqueOrThrow({ where: { id: outboxId }, include: { events: true } });
      expect(email.encrypted).toBe(true);
      expect(readable(email).toAddress).toBe("zhanna.signer@example.org");
      expect(email.events.map((e) => e.type)).toEqual(["queued"]);

      // Written by SQL rather than by Prisma: the same instants, read in UTC.
      const raw = await postgres.signature.findUniqueOrThrow({ where: { id: "raw-signature" } });
      expect(raw.createdAt).toEqual(new Date("2026-11-28T12:00:00Z"));
      expect(raw.confirmationSentAt).toEqual(new Date("2026-11-28T09:30:00.250Z"));
      expect(raw.showName).toBe(false);
      const response = await postgres.response.findUniqueOrThrow({ where: { id: "raw-response" } });
      expect([...response.fileData!]).toEqual([0, 1, 2, 255, 37, 80, 68, 70]);
      expect(response.receivedAt).toEqual(new Date("2026-11-28T10:00:00Z"));
      expect((await postgres.rateLimit.findUniqueOrThrow({ where: { key: "sign:198.51.100.9" } })).expire).toBe(9_007_199_254_740_993n);
    } finally {
      await postgres.$disconnect();
    }
  });

  it("gives the app's PostgreSQL client the demo organisation, its people and its cases", async () => {
    const postgres = new PostgresPrismaClient({ adapter: postgresAdapter(target, 2) });
    try {
      const organisation = await postgres.organisation.findUniqueOrThrow({
        where: { slug: demoOrganisation.slug },
        include: { users: true, cases: { include: { people: true, sources: true } } },
      });
      expect(organisation.name).toBe(demoOrganisation.name);
      expect(organisation.users.map((u) => u.email).sort()).toEqual(demoOrganisation.users.map((u) => u.email).sort());
      expect(organisation.cases.map((c) => c.slug).sort()).toEqual(demoCases.map((c) => c.slug).sort());
      expect(organisation.cases.flatMap((c) => c.people.map((p) => p.name))).toContain("Valikhan Sultanov");
      expect(organisation.cases.every((c) => c.sources.length > 0)).toBe(true);
    } finally {
      await postgres.$disconnect();
    }
  });

  it("refuses a second copy into the same database, and changes nothing there", async () => {
    const before = await targetCounts(target);
    const attempt = copyToPostgres({ from: source.url, to: target, log: () => undefined });
    await expect(attempt).rejects.toThrow(CopyRefusal);
    await expect(attempt).rejects.toThrow(/already holds data .*never overwrites/);
    expect(await targetCounts(target)).toEqual(before);
  });
});

describe("what the copy refuses", () => {
  it("a target that is not PostgreSQL, a source file that does not exist, and a file whose migrations are not all applied", async () => {
    const target = await createDatabase("refusals");
    await expect(copyToPostgres({ from: source.url, to: "file:./elsewhere.db", log: () => undefined })).rejects.toThrow(
      /postgresql:\/\/ url/,
    );
    await expect(copyToPostgres({ from: "file:/nowhere/app.db", to: target, log: () => undefined })).rejects.toThrow(
      /not a file that exists/,
    );
    const behind = sqliteInstall(1);
    await expect(copyToPostgres({ from: behind.url, to: target, log: () => undefined })).rejects.toThrow(
      /lacks 1 of this version's SQLite migrations .*Start the app once on SQLite/,
    );
    // Refused before anything was done to the target.
    expect(await targetCounts(target)).toEqual({});
  });
});

describe("an app still writing to the SQLite file during the copy", () => {
  it("is caught by the counts after the copy", async () => {
    const install = sqliteInstall();
    const original = new Database(source.file, { readonly: true });
    await original.backup(install.file);
    original.close();
    const target = await createDatabase("while_writing");
    const writer = new Database(install.file);
    try {
      const result = await copyToPostgres({
        from: install.url,
        to: target,
        // A supporter signing while the first table is copied: the copy reads the file as it was when it began.
        log: (line) => {
          if (line.startsWith("  Organisation:"))
            writer.prepare(`INSERT INTO "RateLimit" ("key", "points") VALUES ('sign:203.0.113.7', 1)`).run();
        },
      });
      expect(result.countsMatch).toBe(false);
      expect(result.counts.find((c) => c.table === "RateLimit")).toEqual({ table: "RateLimit", source: 2, target: 1 });
      expect(result.counts.filter((c) => c.source !== c.target)).toHaveLength(1);
    } finally {
      writer.close();
    }
  });
});

describe("npm run db:copy-to-postgres", () => {
  it("copies a demo install, prints the counts, and names the keys to carry over without printing them", async () => {
    const install = source;
    const secrets = { SESSION_SECRET: crypto.randomBytes(32).toString("hex"), DATA_KEY: crypto.randomBytes(32).toString("base64") };
    fs.writeFileSync(path.join(install.dir, "dev-secrets.json"), JSON.stringify(secrets));
    const target = await createDatabase("by_script");
    // A demo install: no keys in the environment (spawn leaves out what is undefined), only in the file beside the database.
    const environment = { ...process.env, DATABASE_URL: install.url, DATA_KEY: undefined, SESSION_SECRET: undefined };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const run = (args: string[]) => spawnSync(tsx, ["scripts/copy-to-postgres.ts", ...args], { env: environment, encoding: "utf8" });

    const usage = run(["--to"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: .*npm run db:copy-to-postgres -- postgresql:\/\//);

    const copy = run([target]);
    expect(copy.stderr).toBe("");
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/Organisation\s+1\s+1/);
    expect(copy.stdout).toMatch(/every table holds as many rows in PostgreSQL as in SQLite/);
    expect(copy.stdout).toContain(`DATABASE_URL=${target}`);
    expect(copy.stdout).toContain(path.join(install.dir, "dev-secrets.json"));
    expect(copy.stdout).toMatch(/Set SESSION_SECRET, DATA_KEY in the app's environment/);
    expect(copy.stdout).not.toContain(secrets.DATA_KEY);

    const again = run([target]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);
  }, 30_000);
});

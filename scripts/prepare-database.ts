// Before serving: apply pending migrations, switch on WAL, and load the demo data into an empty
// database; a production install refuses to serve while the demo accounts are in its database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { configureDatabase, engine, prisma } from "~/db.server";
import { applyPostgresMigrations } from "~/db/postgres-migrations.server";
import { openHotDatabase } from "~/db/hot.server";
import { env, StartupRefusal } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma.server/client";
import { demoOrganisation } from "../prisma/seed/demo-organisation";
import { isDatabaseEmpty, seedDemo } from "../prisma/seed/seed.server";

/** The demo accounts (their password is published in the README) present in this database. */
export async function demoAccountsIn(db: PrismaClient): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: demoOrganisation.users.map((u) => u.email) } }, select: { email: true } });
  return users.map((u) => u.email).sort();
}

/** SQLite: whether every migration folder is recorded as applied (read-only: works while the app serves). */
async function migrationsUpToDate(): Promise<boolean> {
  const url = env().DATABASE_URL;
  if (!fs.existsSync(url.replace(/^file:/, ""))) return false;
  const folders = fs
    .readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const db = openHotDatabase(url, { poolSize: 1 });
  try {
    const applied = await db.all<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const names = new Set(applied.map((m) => m.name));
    return folders.every((folder) => names.has(folder));
  } catch {
    return false; // no _prisma_migrations table yet
  } finally {
    await db.close();
  }
}

/**
 * Applies pending migrations. When there are none, Prisma's migrate CLI is not started at all: it
 * takes seconds, and it cannot open a database that a serving app holds (`npm run setup` beside a
 * running server).
 */
export async function applyMigrations() {
  if (engine() === "postgresql") {
    await applyPostgresMigrations(env().DATABASE_URL);
    return;
  }
  if (await migrationsUpToDate()) return;
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: env().DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Applying migrations failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function prepareDatabase({ seed = process.env.SEED_DEMO_DATA !== "0", production = env().production } = {}) {
  await applyMigrations();
  await configureDatabase();
  if (production) {
    const demo = await demoAccountsIn(prisma);
    if (demo.length) {
      throw new StartupRefusal(
        `This is a production install (APP_URL is https), but its database holds the demo accounts ${demo.join(", ")}, whose password is published. Delete these accounts (or start from a new database with SEED_DEMO_DATA=0), then start again.`,
      );
    }
    return;
  }
  if (seed && (await isDatabaseEmpty(prisma))) {
    await seedDemo(prisma);
    console.log("Loaded the demo organisation and cases. Log in as organiser@example.org / solidarity-demo");
  }
}

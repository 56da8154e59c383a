// Before serving: apply pending migrations, switch on WAL, and load the demo data into an empty database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { configureDatabase, prisma } from "~/db.server";
import { env } from "~/env.server";
import { isDatabaseEmpty, seedDemo } from "../prisma/seed/seed.server";

export function applyMigrations() {
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: env().DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Applying migrations failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function prepareDatabase({ seed = process.env.SEED_DEMO_DATA !== "0" } = {}) {
  applyMigrations();
  await configureDatabase();
  if (seed && (await isDatabaseEmpty(prisma))) {
    await seedDemo(prisma);
    console.log("Loaded the demo organisation and cases. Log in as organiser@example.org / solidarity-demo");
  }
}

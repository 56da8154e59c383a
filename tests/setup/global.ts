// Once per test run on PostgreSQL: the template database with every migration applied, that each
// test file's database is copied from (a copy takes milliseconds; migrating takes seconds).
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { POSTGRES_TEMPLATE, postgresUrl, testEngine } from "../support/test-database";

export default async function setup() {
  if (testEngine() !== "postgresql") return;
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${POSTGRES_TEMPLATE}"`);
  } finally {
    await client.end();
  }
  const deploy = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: postgresUrl(POSTGRES_TEMPLATE) },
    encoding: "utf8",
  });
  if (deploy.status !== 0) throw new Error(`Migrating the template database failed:\n${deploy.stdout}${deploy.stderr}`);
}

// Once per test run on PostgreSQL: the template database with every migration applied, that each
// test file's database is copied from (a copy takes milliseconds; migrating takes seconds).
import pg from "pg";
import { applyPostgresMigrations } from "../../app/db/postgres-migrations.server";
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
  await applyPostgresMigrations(postgresUrl(POSTGRES_TEMPLATE));
}

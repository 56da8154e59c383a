// Each test file gets its own migrated database (SQLite, or PostgreSQL in `npm run test:postgres`),
// and fails on any console.error.
import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";
import { createTestDatabase, testEngine } from "../support/test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
if (testEngine() === "postgresql") {
  // No SQLite file to keep dev secrets beside: the keys of this test file, made here.
  process.env.SESSION_SECRET ??= crypto.randomUUID().repeat(2);
  process.env.DATA_KEY ??= Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
}

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  expect(calls, "console.error was called").toEqual([]);
});

afterAll(async () => {
  const { disconnectDatabase } = await import("~/db.server");
  const { closeSharedLimits } = await import("~/security/rate-limit.server");
  await disconnectDatabase();
  await closeSharedLimits();
  await database.drop();
});

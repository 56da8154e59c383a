// Each test file gets its own migrated SQLite database, and fails on any console.error.
import fs from "node:fs";
import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";
import { createMigratedDatabase } from "../support/migrated-database";

const database = createMigratedDatabase();
process.env.DATABASE_URL = database.url;

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
  await globalThis.__prisma?.$disconnect();
  globalThis.__prisma = undefined;
  fs.rmSync(database.dir, { recursive: true, force: true });
});

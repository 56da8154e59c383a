import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest does not read tsconfig paths: the "~" alias is repeated here.
const alias = { "~": path.resolve("app") };

// `npm run test:postgres` runs the same suite on PostgreSQL (TEST_POSTGRES_URL), with two changes:
// the tests of what exists on SQLite only (backups of its file, keys kept beside it, its query
// planner's choices) are left out,
// and the tests of several servers sharing one database (tests/postgres) are added.
const postgres = Boolean(process.env.TEST_POSTGRES_URL);
const sqliteOnly = ["tests/operations/backup.test.ts", "tests/operations/startup.test.ts", "tests/dashboard/next-steps-plans.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    // PostgreSQL runs (`npm run test:postgres`) migrate one template database first.
    globalSetup: ["tests/setup/global.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/**/*.test.{ts,tsx}"],
          exclude: ["tests/e2e/**", "tests/postgres/**", ...(postgres ? sqliteOnly : [])],
          setupFiles: ["tests/setup/test-env.ts"],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts", ...(postgres ? ["tests/postgres/**/*.test.ts"] : [])],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

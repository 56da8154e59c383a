// `npm run test:postgres`: the whole test suite again, on PostgreSQL. Starts a throwaway cluster
// (scripts/throwaway-postgres.ts), runs vitest with TEST_POSTGRES_URL pointing at it (each test file
// and each test server then gets a database of its own, tests/support/test-database.ts), stops it.
// Run `npm test` first: it type-checks and builds the server that the browser tests start.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { startThrowawayPostgres } from "./throwaway-postgres";

if (!fs.existsSync("build/index.js")) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const cluster = await startThrowawayPostgres();
console.log(`PostgreSQL for the tests: ${cluster.url}`);
let status = 1;
try {
  const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
    stdio: "inherit",
    // The data folder: tests that look at what lies on disk read it.
    env: { ...process.env, TEST_POSTGRES_URL: cluster.url, TEST_POSTGRES_DATA_DIR: cluster.dataDir },
  });
  status = result.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);

import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest does not read tsconfig paths: the "~" alias is repeated here.
const alias = { "~": path.resolve("app") };

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
          exclude: ["tests/e2e/**"],
          setupFiles: ["tests/setup/test-env.ts"],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

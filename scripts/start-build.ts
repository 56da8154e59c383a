// Before `npm start`: builds only when the build is older than what it is built from, so a start
// after no change serves at once instead of spending 40 s in `remix build`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const sources = ["app", "emails", "remix.config.js", "package-lock.json", "tsconfig.json"];
const outputs = ["build/index.js"];

function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

function oldestOutput(): number {
  const times = outputs.map((o) => (fs.existsSync(o) ? fs.statSync(o).mtimeMs : 0));
  return Math.min(...times);
}

export function buildIsStale(): boolean {
  return Math.max(...sources.map(newest)) > oldestOutput();
}

if (process.argv.includes("--force") || buildIsStale()) {
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
} else {
  console.log("The build is up to date: starting without rebuilding.");
}

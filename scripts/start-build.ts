// Before `npm start`: builds only when the build is older than what it is built from, so a start
// after no change serves at once instead of spending 40 s in `remix build`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const sources = ["app", "emails", "remix.config.js", "package-lock.json", "tsconfig.json"];
const output = "build/index.js";

function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

/** True when there is no build, or a source changed after it was made. */
export function buildIsStale(root = process.cwd()): boolean {
  const built = path.join(root, output);
  if (!fs.existsSync(built)) return true;
  return Math.max(...sources.map((s) => newest(path.join(root, s)))) > fs.statSync(built).mtimeMs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--force") || buildIsStale()) {
    const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
    process.exit(result.status ?? 1);
  } else {
    console.log("The build is up to date: starting without rebuilding (`npm run build` forces one).");
  }
}

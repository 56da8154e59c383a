// `npm start` rebuilds only when a source is newer than the build: a start after no change serves at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIsStale } from "../../scripts/start-build";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sl-start-build-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, secondsAgo: number) {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, "x");
  const time = new Date(Date.now() - secondsAgo * 1000);
  // The file and the folders it made, as if all were written then.
  for (let entry = full; entry !== root; entry = path.dirname(entry)) fs.utimesSync(entry, time, time);
}

describe("the build before `npm start`", () => {
  it("is made when missing or older than a source, and skipped when current", () => {
    write("app/routes/page.tsx", 100);
    write("emails/confirm.tsx", 100);
    write("package-lock.json", 100);
    expect(buildIsStale(root)).toBe(true); // no build yet
    write("build/index.js", 50);
    expect(buildIsStale(root)).toBe(false);
    write("emails/confirm.tsx", 10);
    expect(buildIsStale(root)).toBe(true);
    write("build/index.js", 5);
    expect(buildIsStale(root)).toBe(false);
    write("package-lock.json", 1); // a dependency upgrade
    expect(buildIsStale(root)).toBe(true);
  });
});

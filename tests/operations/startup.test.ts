// What a production install (an https APP_URL) refuses to start with, said in one paragraph on stderr
// with exit code 1; and a damaged dev secrets file is never replaced by new keys.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { readDevSecrets, StartupRefusal } from "~/env.server";
import { backupDatabase } from "~/operations/backup.server";
import { isPrivatePage } from "~/security/http.server";
import { seedDemo } from "../../prisma/seed/seed.server";
import { addMigrationLedger, petition, sign } from "./support";

vi.hoisted(() => {
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sl-startup-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const key = () => Buffer.alloc(32, 7).toString("base64");

function start(extra: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    WEB_CONCURRENCY: "1",
    PORT: "39917",
    DATABASE_URL: `file:${path.join(scratch, "never.db")}`,
  };
  for (const name of ["SESSION_SECRET", "DATA_KEY", "DATA_KEY_PREVIOUS", "DATA_HASH_KEY", "SEED_DEMO_DATA", "APP_URL", "RESEND_API_KEY"])
    delete environment[name];
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...environment, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) => child.on("exit", (code) => (clearTimeout(timer), resolve({ code, stderr, stdout }))));
}

describe("a production install refuses to start", () => {
  it("without SESSION_SECRET and DATA_KEY, saying which and how to make one, without a stack trace", async () => {
    const { code, stderr } = await start({ APP_URL: "https://letters.example.org", SEED_DEMO_DATA: "0" });
    expect(code).toBe(1);
    expect(stderr).toContain("SESSION_SECRET is not set");
    expect(stderr).toContain("DATA_KEY is not set");
    expect(stderr).toContain("openssl rand -base64 32");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(scratch, "dev-secrets.json"))).toBe(false);
  }, 40_000);

  it("with demo data switched on", async () => {
    const { code, stderr } = await start({ APP_URL: "https://letters.example.org", SESSION_SECRET: "s".repeat(40), DATA_KEY: key() });
    expect(code).toBe(1);
    expect(stderr).toContain("SEED_DEMO_DATA");
    expect(stderr).not.toContain("SESSION_SECRET is not set");
  }, 40_000);

  it("when its database holds the demo accounts, naming them", async () => {
    await seedDemo(prisma, []);
    await addMigrationLedger();
    // A copy of its own, so the server's `prisma migrate deploy` does not wait on this test's connection.
    const copy = await backupDatabase({ dir: scratch });
    const { code, stderr } = await start({
      APP_URL: "https://letters.example.org",
      SESSION_SECRET: "s".repeat(40),
      DATA_KEY: key(),
      SEED_DEMO_DATA: "0",
      DATABASE_URL: `file:${copy}`,
    });
    expect(code, stderr).toBe(1);
    expect(stderr).toContain("organiser@example.org");
    expect(stderr).toContain("brussels@example.org");
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe("the dev secrets file", () => {
  it("is made once, readable only by its owner, and read back unchanged", () => {
    const file = path.join(scratch, "fresh", "dev-secrets.json");
    fs.mkdirSync(path.dirname(file));
    const made = readDevSecrets(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readDevSecrets(file)).toEqual(made);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["dev-secrets.json"]); // no temporary file left
  });

  it("is never replaced when damaged: the app refuses to start and says why", () => {
    const file = path.join(scratch, "damaged", "dev-secrets.json");
    fs.mkdirSync(path.dirname(file));
    for (const content of ['{"SESSION_SECRET": "abc', JSON.stringify({ SESSION_SECRET: "x".repeat(64) }), ""]) {
      fs.writeFileSync(file, content);
      expect(() => readDevSecrets(file)).toThrow(StartupRefusal);
      expect(() => readDevSecrets(file)).toThrow(/dev-secrets\.json is damaged.*no new one is made/);
      expect(fs.readFileSync(file, "utf8")).toBe(content);
    }
  });
});

describe("a missing dev secrets file", () => {
  it("is not made anew while the database beside it holds encrypted signers", async () => {
    const campaign = await petition();
    await sign(campaign.slug, { name: "Kept Secret", email: "kept.secret@example.org" });
    const copy = await backupDatabase({ dir: path.join(scratch, "lost-secrets") });
    const file = path.join(scratch, "lost-secrets", "dev-secrets.json");
    expect(() => readDevSecrets(file, copy)).toThrow(/is missing, but the database .* holds signers' data/);
    expect(fs.existsSync(file)).toBe(false);
    // An empty database (a first start) gets its secrets made.
    const empty = path.join(scratch, "lost-secrets", "empty.db");
    expect(readDevSecrets(file, empty).DATA_KEY).toHaveLength(44);
  });
});

describe("pages no cache may keep", () => {
  it("are the admin, the dev mailbox and a signer's link pages", () => {
    for (const page of [
      "/admin",
      "/admin/campaigns/x/signatures",
      "/dev/mailbox",
      "/dev/mailbox/e1/html",
      "/s/abc/confirm",
      "/s/abc/delete",
    ])
      expect(isPrivatePage(page), page).toBe(true);
    for (const page of ["/", "/campaigns/free-them", "/administrators", "/healthz", "/login"])
      expect(isPrivatePage(page), page).toBe(false);
  });
});

describe("npm run rotate-key on a demo install", () => {
  it("rotates the dev secrets file in place, keeping the old key as previous and as the hash key", async () => {
    const dir = path.join(scratch, "rotate");
    const file = path.join(dir, "dev-secrets.json");
    fs.mkdirSync(dir);
    const before = readDevSecrets(file);
    const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(dir, "app.db")}` };
    for (const name of ["SESSION_SECRET", "DATA_KEY", "DATA_KEY_PREVIOUS", "DATA_HASH_KEY", "APP_URL"]) delete environment[name];
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/rotate-key.ts"], {
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    const after = readDevSecrets(file);
    expect(after.DATA_KEY).not.toBe(before.DATA_KEY);
    expect(after.DATA_KEY_PREVIOUS).toEqual([before.DATA_KEY]);
    expect(after.DATA_HASH_KEY).toBe(before.DATA_KEY);
    expect(after.SESSION_SECRET).toBe(before.SESSION_SECRET);
    expect(output).toContain("Restart the app");
  }, 30_000);
});

// The real production server (`tsx server.ts`) on a free port with its own empty database (a SQLite
// file, or a PostgreSQL database in `npm run test:postgres`), and a Chromium to drive it. On an empty
// database the server applies the migrations and loads the demo data.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { createTestDatabase, testEngine } from "../../support/test-database";

export interface AppServer {
  /** http://localhost:<port>: Chromium keeps Secure cookies on localhost over plain HTTP. */
  baseUrl: string;
  /** The server's DATABASE_URL. */
  databaseUrl: string;
  /** The server's process (with several processes, the cluster's primary). */
  pid: number;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 90_000;

const TEST_SESSION_SECRET = "e2e-session-secret-".repeat(3);
const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, () => {
      const address = server.address();
      if (!address || typeof address === "string") {
        server.close();
        reject(new Error("Could not read the port of a probe server."));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, ms);
    function onExit() {
      clearTimeout(timer);
      resolve(true);
    }
    child.once("exit", onExit);
  });
}

export interface AppServerOptions {
  /** WEB_CONCURRENCY: 1 (one process) unless a test is about serving from several. */
  processes?: number;
  /** More environment for the server, e.g. a low rate limit. */
  env?: Record<string, string>;
  /** Another server's DATABASE_URL: several servers that share one database. */
  databaseUrl?: string;
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const root = path.resolve(process.cwd());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-e2e-"));
  // SQLite starts from an empty file; PostgreSQL from an empty migrated copy of the run's template.
  const database = options.databaseUrl || testEngine() === "sqlite" ? null : await createTestDatabase("sl_e2e_");
  const databaseUrl = options.databaseUrl ?? database?.url ?? `file:${path.join(dir, "app.db")}`;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;

  // node with tsx as a loader, not the tsx command: that would run the server in a child of its own,
  // which a SIGKILL of the wrapper would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // The dev keys live beside a SQLite file; servers on PostgreSQL (and servers that share a
      // database) get theirs from the test run, the same for every server of the run.
      ...(databaseUrl.startsWith("file:") ? {} : { SESSION_SECRET: TEST_SESSION_SECRET, DATA_KEY: TEST_DATA_KEY }),
      WEB_CONCURRENCY: String(options.processes ?? 1),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (!exited(child)) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 5_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (true) {
    if (exited(child)) {
      await stop();
      throw new Error(
        `The app server exited (code ${child.exitCode}, signal ${child.signalCode}) before /healthz answered.\n--- server output ---\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`/healthz did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s.\n--- server output ---\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { baseUrl, databaseUrl, pid: child.pid!, stop };
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
}

/**
 * A page logged in as the demo organiser, for reading the dev mailbox: it shows an organisation's
 * mail to its organisers only, never to a visitor just because they are on this machine.
 */
export async function demoOrganiserPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill("organiser@example.org");
  await page.getByLabel("Password", { exact: true }).fill("solidarity-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  return page;
}

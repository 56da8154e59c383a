// npm run bench:sign — petition signatures under load: the production build (`server.ts`), with
// 1,000,000 confirmed signatures already in the table, signed by a closed-loop load generator over
// keep-alive connections. Next to it, in the same run, the bare limits: a bare node:http server
// answering the same POSTs, and a bare better-sqlite3 loop writing the same rows (signature, outbox
// email, its "queued" event) one transaction per signature into a copy of the same 1M-row database.
// On PostgreSQL too, in the same run: a throwaway cluster with fsync and synchronous_commit on, the
// same rows copied into it, the same server on DATABASE_URL=postgresql://… under the same load, and
// its bare limit: a `pg` loop, one connection per client, writing the same rows. Then both side by side.
// Goal: at least 1,000 signatures a second and 30% of the bare SQLite limit, p99 under 100 ms, and nothing
// lost: confirmation emails queued = rows written = submissions answered with success.
//
// Settings (environment, all optional):
//   BENCH_SIGN_ROWS=1000000          signatures already in the table
//   BENCH_SIGN_CONCURRENCY=16        clients, each with one keep-alive connection
//   BENCH_SIGN_SECONDS=20            measured window, after BENCH_SIGN_WARMUP_SECONDS=3 of warm-up
//   BENCH_SIGN_MAX_REQUESTS=200000   bound on requests per load run, whatever the speed
//   BENCH_SIGN_PROCESSES=<cores≤4>   WEB_CONCURRENCY of the app server: processes serving HTTP through
//                                    node:cluster, as `npm start` runs in production (1: one process)
//   BENCH_SIGN_FLOOR_SECONDS=5       also load GET /healthz (the framework's own cost) and GET the
//                                    campaign page for this long each (0 to skip)
//   BENCH_SIGN_PROFILE=<dir>         run the app server with --cpu-prof, keep the profile in <dir>
//                                    and print where its CPU time went during the window
//   BENCH_SKIP_BUILD=1               use build/ as it is instead of running `remix build` first
//   BENCH_SIGN_BASELINE=<dir>        a second checkout (with its build/) to compare with: its server signs
//                                    on a copy of the same database with that checkout's indexes, in the
//                                    order this, baseline, this again — before and after in one run
//   BENCH_SIGN_ROUNDS=1              with a baseline: how many times baseline, this again follow
//                                    (the baseline runs on SQLite only)
//   BENCH_ENGINES=sqlite,postgresql  engines to run on, one after the other on the same data (default:
//                                    both when PostgreSQL is installed under /usr/lib/postgresql, else SQLite)
//   BENCH_SIGN_ADDRESSES=1           addresses the clients sign from: 1, all from 127.0.0.1 (one rate-limit
//                                    count for all); n > 1: client k from address k mod n (X-Forwarded-For,
//                                    the server trusting its proxy), as supporters come from many places
//   BENCH_SIGN_POOL_SIZE=<n>[,<n>…]  DATABASE_POOL_SIZE of the server on PostgreSQL (the app's default: 10);
//                                    several: one PostgreSQL run each, in that order (10,20,10,20 alternates)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { summariseProfile } from "./support/cpu-profile";
import { driveLoad, type LoadResult } from "./support/load";
import {
  benchEngines,
  copyPostgresDatabase,
  copySqliteToPostgres,
  DURABILITY,
  ENGINE_NAME,
  postgresNumber,
  startBenchPostgres,
  type BenchEngine,
  type BenchPostgres,
} from "./support/postgres-database";
import { createSignatureDatabase, DEMO_PETITION_SLUG, isoDate } from "./support/signature-database";

// One data key for the rows made here, the server, and the form stamps the load mints.
process.env.DATA_KEY ??= crypto.randomBytes(32).toString("base64");

const SLUG = DEMO_PETITION_SLUG;
const ROWS = Number(process.env.BENCH_SIGN_ROWS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_SIGN_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SIGN_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_SIGN_WARMUP_SECONDS ?? 3);
const MAX_REQUESTS = Number(process.env.BENCH_SIGN_MAX_REQUESTS ?? 200_000);
const PROCESSES = Number(process.env.BENCH_SIGN_PROCESSES ?? Math.min(os.availableParallelism(), 4));
const FLOOR_SECONDS = Number(process.env.BENCH_SIGN_FLOOR_SECONDS ?? 5);
const PROFILE_DIR = process.env.BENCH_SIGN_PROFILE ? path.resolve(process.env.BENCH_SIGN_PROFILE) : null;
const BASELINE = process.env.BENCH_SIGN_BASELINE ? path.resolve(process.env.BENCH_SIGN_BASELINE) : null;
const ROUNDS = Number(process.env.BENCH_SIGN_ROUNDS ?? 1);
const poolSizesAsked = (process.env.BENCH_SIGN_POOL_SIZE ?? "")
  .split(",")
  .map((n) => n.trim())
  .filter(Boolean);
if (poolSizesAsked.some((n) => !/^\d+$/.test(n)))
  throw new Error(`BENCH_SIGN_POOL_SIZE=${process.env.BENCH_SIGN_POOL_SIZE}: sizes are whole numbers.`);
const POOL_SIZES: Array<string | undefined> = poolSizesAsked.length ? poolSizesAsked : [undefined];
const ADDRESSES = Number(process.env.BENCH_SIGN_ADDRESSES ?? 1);
const { engines, note: enginesNote } = benchEngines();
const POSTGRES_DATABASE = "sl_bench_sign";
const BARE_POSTGRES_DATABASE = "sl_bench_sign_bare";
const GOAL = { perSecond: 1000, p99Ms: 100, shareOfBare: 0.3 };
const HOST = "127.0.0.1";

if (!fs.existsSync("server.ts") || !fs.existsSync("prisma/schema.prisma")) {
  console.error("Run from the project folder: npm run bench:sign");
  process.exit(2);
}
if (BASELINE && !fs.existsSync(path.join(BASELINE, "build/index.js"))) {
  console.error(`BENCH_SIGN_BASELINE=${BASELINE} has no build/index.js: run \`npx remix build\` there first.`);
  process.exit(2);
}
const root = process.cwd();

// Everything this run makes goes away at the end, also when it fails or is interrupted.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-sign-"));
const children = new Set<ChildProcess>();
let postgres: BenchPostgres | null = null;
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
function cleanUp() {
  for (const child of children) if (!exited(child)) child.kill("SIGKILL");
  postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nbench:sign interrupted (${signal}); cleaning up.`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

const log = (line: string) => console.log(`  · ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess, ms = 15_000) {
  if (!exited(child)) child.kill("SIGTERM");
  if (!(await waitForExit(child, ms))) {
    child.kill("SIGKILL");
    await waitForExit(child, 5_000);
  }
  children.delete(child);
}

function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 10 ms
}

/**
 * PostgreSQL's CPU so far: the postmaster and its children (a backend per connection; the pools keep
 * theirs through a window, one that ends inside it goes uncounted). 0 when no cluster runs.
 */
function postgresCpuMs(): number {
  if (!postgres) return 0;
  try {
    const postmaster = Number(fs.readFileSync(path.join(postgres.cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = fs
      .readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children].reduce((sum, pid) => {
      try {
        return sum + cpuMsOf(pid);
      } catch {
        return sum; // ended in between
      }
    }, 0);
  } catch {
    return 0;
  }
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

const loadAverageBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");

// ---------------------------------------------------------------------------------------------
// 0. The production build, as `npm start` makes it.
// ---------------------------------------------------------------------------------------------
console.log(
  `bench:sign — ${ROWS.toLocaleString("en")} signatures in the table, ${CONCURRENCY} clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured, ${os.cpus().length} cores; on ${enginesNote}`,
);
if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync("build/index.js")) {
  const t = performance.now();
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  log(`remix build: ${seconds(t)}`);
}

// ---------------------------------------------------------------------------------------------
// 1. The database: migrations and demo data as the server makes them, then 1M signatures.
// ---------------------------------------------------------------------------------------------
const { file: databaseFile, url: databaseUrl, campaignId } = await createSignatureDatabase(dir, ROWS, log);
log(`database: ${(fs.statSync(databaseFile).size / 2 ** 20).toFixed(0)} MiB`);
const bareDatabaseFile = path.join(dir, "bare.db");
fs.copyFileSync(databaseFile, bareDatabaseFile);
// Before and after in one run: the baseline's copy gets that checkout's indexes, and this checkout
// signs again on a fresh copy after it (the machine's load drifts).
const baselineDatabaseFile = path.join(dir, "baseline.db");
const againDatabaseFile = path.join(dir, "again.db");
if (BASELINE) {
  fs.copyFileSync(databaseFile, againDatabaseFile);
  fs.copyFileSync(databaseFile, baselineDatabaseFile);
  const t = performance.now();
  log(`baseline's indexes on its copy: ${giveIndexesOf(BASELINE, baselineDatabaseFile).join(", ") || "the same"} (${seconds(t)})`);
}
// PostgreSQL gets the same rows, copied from the SQLite file before anything writes to it, and its
// own copy for the bare loop.
if (engines.includes("postgresql")) {
  const t = performance.now();
  postgres = await startBenchPostgres(POSTGRES_DATABASE);
  await copySqliteToPostgres(databaseFile, postgres.url, log);
  await copyPostgresDatabase(postgres, POSTGRES_DATABASE, BARE_POSTGRES_DATABASE);
  log(`PostgreSQL (throwaway cluster, ${DURABILITY.postgresql.split(":")[0]}): the same rows and a copy for the bare loop: ${seconds(t)}`);
}
// Every copy starts alike: written out to disk (no writeback of the copies during a run) and read
// once, so no run pays for the files made before it.
{
  const t = performance.now();
  spawnSync("sync");
  const buffer = Buffer.alloc(1 << 22);
  for (const file of [databaseFile, bareDatabaseFile, ...(BASELINE ? [baselineDatabaseFile, againDatabaseFile] : [])]) {
    const fd = fs.openSync(file, "r");
    while (fs.readSync(fd, buffer) > 0);
    fs.closeSync(fd);
  }
  log(`copies written out and read once: ${seconds(t)}`);
}

/** Makes the indexes of `file` those that `checkout`'s migrations make; says what it changed. */
function giveIndexesOf(checkout: string, file: string): string[] {
  const folder = path.join(checkout, "prisma/migrations");
  const wanted = new Map<string, string>();
  for (const migration of fs.readdirSync(folder).sort()) {
    const sqlFile = path.join(folder, migration, "migration.sql");
    if (!fs.existsSync(sqlFile)) continue;
    const sql = fs.readFileSync(sqlFile, "utf8");
    for (const m of sql.matchAll(/CREATE (?:UNIQUE )?INDEX "([^"]+)"[^;]*;|DROP INDEX "([^"]+)"|DROP TABLE "([^"]+)"/g)) {
      if (m[1]) wanted.set(m[1], m[0]);
      else if (m[2]) wanted.delete(m[2]);
      else for (const [name, create] of wanted) if (create.includes(`ON "${m[3]}"`)) wanted.delete(name);
    }
  }
  const db = new Database(file);
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  const changes: string[] = [];
  for (const name of present)
    if (!wanted.has(name)) {
      db.exec(`DROP INDEX "${name}"`);
      changes.push(`-${name}`);
    }
  for (const [name, create] of wanted)
    if (!present.has(name)) {
      db.exec(create);
      changes.push(`+${name}`);
    }
  db.close();
  return changes;
}

// ---------------------------------------------------------------------------------------------
// 2. The load: unique supporters signing the demo petition, as the page's form posts it.
// ---------------------------------------------------------------------------------------------
const runId = crypto.randomBytes(4).toString("hex");
// A form's stamp is good for one submission: each supporter gets their own, as each opens the page.
// The bench mints them with the server's key (DATA_KEY, set at the top, goes to the server).
const { formStamp } = await import("../../app/security/crypto.server");
const stampsFrom = Date.now() - 3600_000;
// Every load run signs with addresses of its own: several runs on one database (pool sizes) would
// otherwise sign again as supporters who already signed, and write nothing new.
let loadRuns = 0;
function formBody(stampFor: (n: number) => string) {
  const run = `${runId}-${++loadRuns}`;
  return (n: number) =>
    `intent=sign&formStartedAt=${encodeURIComponent(stampFor(n))}&website=&name=Bench+Signer+${n}&email=bench-${n}-${run}%40example.org&country=BE`;
}
const isSignedAnswer = (status: number, location: string | undefined) => status === 302 && !!location?.includes("signed=check-email");

interface Measured {
  load: LoadResult;
  /** CPU of the server process(es) during the measured window. */
  serverCpuMs: number;
  /** CPU of PostgreSQL's processes during the window (0 on SQLite, whose work is in the server's). */
  databaseCpuMs: number;
  loadCpuMs: number;
  /** Monotonic microseconds, to cut the window out of a CPU profile. */
  window: [number, number];
}

async function measure(target: {
  ports: number[];
  pids: number[];
  path: string;
  method?: "GET" | "POST";
  body?: (n: number) => string;
  isSuccess: LoadOptionsSuccess;
  seconds?: number;
}): Promise<Measured> {
  let cpuAtStart = 0;
  let cpuAtEnd = 0;
  let loadCpuAtStart = process.cpuUsage();
  let loadCpuMs = 0;
  const window: [number, number] = [0, 0];
  const serverCpu = () => target.pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  let databaseCpuAtStart = 0;
  let databaseCpuAtEnd = 0;
  const load = await driveLoad({
    host: HOST,
    ports: target.ports,
    path: target.path,
    method: target.method,
    body: target.body,
    isSuccess: target.isSuccess,
    // Documentation addresses (RFC 5737): 192.0.2.1, 192.0.2.2, …
    headers: ADDRESSES > 1 ? (k) => ({ "X-Forwarded-For": `192.0.2.${(k % ADDRESSES) + 1}` }) : undefined,
    concurrency: CONCURRENCY,
    warmupMs: WARMUP_SECONDS * 1000,
    durationMs: (target.seconds ?? SECONDS) * 1000,
    maxRequests: MAX_REQUESTS,
    onWindow: (edge) => {
      if (edge === "start") {
        cpuAtStart = serverCpu();
        databaseCpuAtStart = postgresCpuMs();
        loadCpuAtStart = process.cpuUsage();
        window[0] = monotonicMicros();
      } else {
        cpuAtEnd = serverCpu();
        databaseCpuAtEnd = postgresCpuMs();
        const used = process.cpuUsage(loadCpuAtStart);
        loadCpuMs = (used.user + used.system) / 1000;
        window[1] = monotonicMicros();
      }
    },
  });
  return { load, serverCpuMs: cpuAtEnd - cpuAtStart, databaseCpuMs: databaseCpuAtEnd - databaseCpuAtStart, loadCpuMs, window };
}
type LoadOptionsSuccess = (status: number, location: string | undefined) => boolean;

// 2a. The bare HTTP limit: node:http reading the whole form and answering the same redirect.
const bareServerCode = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    res.writeHead(302, { Location: "/campaigns/" + ${JSON.stringify(SLUG)} + "?signed=check-email#sign", "Content-Length": "0" });
    res.end();
  });
});
server.listen(0, ${JSON.stringify(HOST)}, () => process.stdout.write(server.address().port + "\\n"));
process.on("SIGTERM", () => process.exit(0));
`;
const bareServer = spawn(process.execPath, ["-e", bareServerCode], { stdio: ["ignore", "pipe", "inherit"] });
children.add(bareServer);
const barePort = await new Promise<number>((resolve, reject) => {
  bareServer.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  bareServer.once("exit", (code) => reject(new Error(`The bare HTTP server exited (${code}).`)));
});
log(`bare node:http server: ${WARMUP_SECONDS + SECONDS} s of load…`);
const bare = await measure({
  ports: [barePort],
  pids: [bareServer.pid!],
  path: `/campaigns/${SLUG}`,
  body: formBody(() => "0.bare"),
  isSuccess: isSignedAnswer,
});
await stopChild(bareServer);

// 2b. The app: the production server on the 1M-row database, as `npm start` runs it (node:cluster,
// WEB_CONCURRENCY processes serving HTTP; the primary keeps the rate-limit counts), with the mail
// worker off so the outbox keeps every confirmation email to be counted. On each engine in turn.
if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
let serverOutput = "";
async function startServer(checkout = root, url = databaseUrl, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  // node:cluster starts the children with the primary's flags: each writes its own profile.
  const flags = PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", PROFILE_DIR] : [];
  const server = spawn(process.execPath, [...flags, "--import", "tsx", "server.ts"], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      WEB_CONCURRENCY: String(PROCESSES),
      DATABASE_URL: url,
      INSECURE_COOKIES: "1",
      MAIL_WORKER_IN_SERVER: "0",
      SIGN_RATE_LIMIT_PER_HOUR: "100000000",
      SIGN_MIN_FILL_SECONDS: "0",
      SEED_DEMO_DATA: "0",
      TRUST_PROXY: ADDRESSES > 1 ? "1" : "",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(server);
  server.stdout!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  const t = performance.now();
  const childPids = () => {
    try {
      return fs.readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  for (let ready = false; !ready;) {
    if (exited(server)) throw new Error(`The app server exited before answering:\n${serverOutput}`);
    if (performance.now() - t > 120_000) throw new Error(`The app server did not answer /healthz in 120 s:\n${serverOutput}`);
    ready =
      (PROCESSES === 1 || childPids().length >= PROCESSES) &&
      (await fetch(`http://${HOST}:${port}/healthz`)
        .then((r) => r.status === 200)
        .catch(() => false));
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  // Every child answers before the clock starts (the first answer only proves one of them listens).
  const onNewConnection = () =>
    new Promise<void>((resolve, reject) =>
      http.get({ host: HOST, port, path: "/healthz", agent: false }, (r) => r.resume().on("end", resolve)).on("error", reject),
    );
  await Promise.all(Array.from({ length: PROCESSES * 4 }, onNewConnection));
  const pids = PROCESSES === 1 ? [server.pid!] : childPids();
  log(
    `app server ${server.pid} (${PROCESSES === 1 ? "one process" : `node:cluster, ${PROCESSES} processes serving: ${pids.join(", ")}`}) answering /healthz on port ${port}: ${seconds(t)}`,
  );
  return { port, server, pids: PROCESSES === 1 ? pids : [server.pid!, ...pids] };
}

/** Counts in the benchmark's database, the same SQL on either engine. */
async function openCounter(engine: BenchEngine, url: string) {
  if (engine === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""));
    return {
      count: async (sql: string) => Number((db.prepare(sql).get() as { n: number }).n),
      row: async (sql: string) => db.prepare(sql).get() as Record<string, number | null>,
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    count: (sql: string) => postgresNumber(client, sql),
    row: async (sql: string) =>
      Object.fromEntries(Object.entries((await client.query(sql)).rows[0] ?? {}).map(([k, v]) => [k, v === null ? null : Number(v)])),
    close: () => client.end(),
  };
}

type BareDatabase = { perSecond: number; seconds: number; n: number; label: string };

/** The app on one engine: the framework floor, the campaign page, signing; then nothing lost, and the bare limit. */
/** What a signing run must change, counted before and after it. */
async function signingCounts(check: Awaited<ReturnType<typeof openCounter>>) {
  return {
    pending: await check.count(`SELECT count(*) AS n FROM "Signature" WHERE "status" = 'pending'`),
    rows: await check.count(`SELECT count(*) AS n FROM "Signature"`),
    emailsQueued: await check.count(`SELECT count(*) AS n FROM "OutboxEmail" WHERE "kind" = 'confirm-signature' AND "status" = 'queued'`),
    emailsAll: await check.count(`SELECT count(*) AS n FROM "OutboxEmail" WHERE "kind" = 'confirm-signature'`),
    emailsMatched: await check.count(
      `SELECT count(DISTINCT o."subjectId") AS n FROM "OutboxEmail" o JOIN "Signature" s ON s."id" = o."subjectId" WHERE o."kind" = 'confirm-signature' AND s."status" = 'pending'`,
    ),
    events: await check.count(`SELECT count(*) AS n FROM "EmailEvent"`),
  };
}

async function benchEngine(engine: BenchEngine, poolSize?: string) {
  const outputFrom = serverOutput.length;
  const label = ENGINE_NAME[engine] + (engine === "postgresql" && POOL_SIZES.length > 1 ? ` pool ${poolSize ?? 10}` : "");
  const profilesBefore = new Set(PROFILE_DIR ? fs.readdirSync(PROFILE_DIR) : []);
  const url = engine === "sqlite" ? databaseUrl : postgres!.url;
  const extraEnv: Record<string, string> =
    engine === "sqlite"
      ? {}
      : {
          // No dev secrets file beside a PostgreSQL database: the server's secrets come from here.
          SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
          ...(poolSize ? { DATABASE_POOL_SIZE: poolSize } : {}),
        };
  console.log(`${label}:`);
  // Runs on the same database one after the other (pool sizes): each is checked on what it added.
  const before = await openCounter(engine, url).then(async (c) => {
    const counts = await signingCounts(c);
    await c.close();
    return counts;
  });
  const started = await startServer(root, url, extraEnv);
  const ports = [started.port];
  // CPU is counted over the primary and its children; the profile shown is of one serving process.
  const pids = started.pids;
  const servingPid = PROCESSES === 1 ? pids[0]! : pids[1]!;

  const page = await (await fetch(`http://${HOST}:${ports[0]}/campaigns/${SLUG}`)).text();
  const pageStamp =
    page.match(/name="formStartedAt"[^>]*value="([^"]+)"/)?.[1] ?? page.match(/value="([^"]+)"[^>]*name="formStartedAt"/)?.[1];
  if (!pageStamp)
    throw new Error(`No formStartedAt stamp on the campaign page (${engine}):\n${page.slice(0, 500)}\n${serverOutput.slice(outputFrom)}`);
  // Where the page's own form posts (Remix's <Form> on an index route adds ?index).
  const formTag = page.match(/<form[^>]*id="sign-form"[^>]*>/)?.[0] ?? "";
  const formPath = (formTag.match(/action="([^"]*)"/)?.[1] ?? `/campaigns/${SLUG}`).replaceAll("&amp;", "&");

  // What the stack costs without signing: Express, helmet, compression, Remix and one SELECT 1.
  log(`app framework floor, GET /healthz: ${WARMUP_SECONDS + FLOOR_SECONDS} s of load…`);
  const floor =
    FLOOR_SECONDS > 0
      ? await measure({ ports, pids, path: "/healthz", method: "GET", isSuccess: (status) => status === 200, seconds: FLOOR_SECONDS })
      : null;
  // What supporters open before they sign: the campaign page itself (count, people, latest signers).
  log(`app campaign page, GET /campaigns/${SLUG}: ${WARMUP_SECONDS + FLOOR_SECONDS} s of load…`);
  const campaignPage =
    FLOOR_SECONDS > 0
      ? await measure({
          ports,
          pids,
          path: `/campaigns/${SLUG}`,
          method: "GET",
          isSuccess: (status) => status === 200,
          seconds: FLOOR_SECONDS,
        })
      : null;

  log(`app: ${WARMUP_SECONDS + SECONDS} s of load, POST ${formPath}…`);
  const app = await measure({ ports, pids, path: formPath, body: formBody((n) => formStamp(stampsFrom + n)), isSuccess: isSignedAnswer });
  await stopChild(started.server);
  if (started.server.exitCode !== 0)
    console.error(`The app server ${started.server.pid} exited with ${started.server.exitCode ?? started.server.signalCode}.`);

  /** One more signing run on its own server and database copy: the baseline, or this checkout again. */
  async function signOn(label: string, checkout: string, file: string) {
    log(`${label}: ${WARMUP_SECONDS + SECONDS} s of load, POST ${formPath}…`);
    const other = await startServer(checkout, `file:${file}`);
    const measured = await measure({
      ports: [other.port],
      pids: other.pids,
      path: formPath,
      body: formBody((n) => formStamp(stampsFrom + n)),
      isSuccess: isSignedAnswer,
    });
    await stopChild(other.server);
    const db = new Database(file, { readonly: true });
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const rows = n("SELECT count(*) AS n FROM Signature WHERE status = 'pending'");
    const emails = n("SELECT count(*) AS n FROM OutboxEmail WHERE kind = 'confirm-signature' AND status = 'queued'");
    db.close();
    const answered = measured.load.total.success;
    return {
      label,
      measured,
      lost: rows !== answered || emails !== answered,
      check: `answered ${answered}, rows ${rows}, emails queued ${emails}`,
    };
  }
  const others: Array<Awaited<ReturnType<typeof signOn>>> = [];
  // Before and after (BENCH_SIGN_BASELINE) compares two checkouts on SQLite.
  for (let round = 1; engine === "sqlite" && BASELINE && round <= ROUNDS; round++) {
    const suffix = ROUNDS > 1 ? ` (round ${round})` : "";
    for (const [label, checkout, original] of [
      ["baseline", BASELINE, baselineDatabaseFile],
      ["this checkout, again", root, againDatabaseFile],
    ] as const) {
      // Each round on fresh copies, made while no server runs.
      const file = path.join(dir, `round-${round}-${path.basename(original)}`);
      fs.copyFileSync(original, file);
      others.push(await signOn(`${label}${suffix}`, checkout, file));
      fs.rmSync(file, { force: true });
    }
  }
  const unexpectedOutput = serverOutput
    .slice(outputFrom)
    .split("\n")
    .filter(
      (l) =>
        l.trim() &&
        !/is serving on|No RESEND_API_KEY|Prisma schema loaded|migrations? found|No pending migrations|Datasource|WARNING|driver adapter|values from your schema|We recommend|Loaded Prisma config|Prisma config detected|npm warn|^- url/.test(
          l,
        ),
    );

  // -------------------------------------------------------------------------------------------
  // 3. Nothing lost: rows written and emails queued against the answers.
  // -------------------------------------------------------------------------------------------
  const check = await openCounter(engine, url);
  const after = await signingCounts(check);
  const rowsWritten = after.pending - before.pending;
  const rowsInTable = after.rows;
  const emailsQueued = after.emailsQueued - before.emailsQueued;
  const emailsAll = after.emailsAll - before.emailsAll;
  const emailsMatched = after.emailsMatched - before.emailsMatched;
  // The sizes of what the app writes, for the bare loop to write as much.
  const sizes = await check.row(
    `SELECT avg(length(o."html")) AS "html", avg(length(o."text")) AS "text", avg(length(o."subject")) AS "subject", avg(length(o."toAddress")) AS "toAddress",
            avg(length(o."headers")) AS "headers", avg(length(o."tags")) AS "tags", avg(length(s."nameEnc")) AS "nameEnc", avg(length(s."emailEnc")) AS "emailEnc"
     FROM "OutboxEmail" o JOIN "Signature" s ON s."id" = o."subjectId" WHERE o."kind" = 'confirm-signature'`,
  );
  const eventsPerEmail = (after.events - before.events) / Math.max(1, emailsAll);
  await check.close();

  const answered = app.load.total.success;
  const lost =
    !(
      rowsWritten === answered &&
      emailsQueued === answered &&
      emailsAll === answered &&
      emailsMatched === answered &&
      rowsInTable === before.rows + answered
    ) || others.some((o) => o.lost);

  // -------------------------------------------------------------------------------------------
  // 4. The bare database limit: the same rows, one transaction per signature, into the 1M-row copy.
  // -------------------------------------------------------------------------------------------
  // As many as the app wrote (at least 1,000; at most 20,000, so a fast app does not make a slow run).
  const bareInserts = Math.min(Math.max(answered, 1_000), 20_000);
  const payload = barePayload(sizes);
  let bareDb: BareDatabase;
  if (engine === "sqlite") {
    log(`bare better-sqlite3: ${bareInserts.toLocaleString("en")} signatures, one transaction each…`);
    bareDb = { ...bareSqliteLoop(bareDatabaseFile, campaignId, bareInserts, payload), label: "better-sqlite3, 1 tx/signature" };
  } else {
    log(`bare pg: ${bareInserts.toLocaleString("en")} signatures, ${CONCURRENCY} connections, one transaction each…`);
    bareDb = {
      ...(await barePostgresLoop(postgres!.urlOf(BARE_POSTGRES_DATABASE), campaignId, bareInserts, payload)),
      label: `pg, ${CONCURRENCY} connections, 1 tx/signature`,
    };
  }
  return {
    engine,
    label,
    poolSize,
    app,
    floor,
    campaignPage,
    others,
    servingPid,
    profilesBefore,
    unexpectedOutput,
    sizes,
    counts: { rowsWritten, rowsInTable, emailsQueued, emailsAll, emailsMatched, eventsPerEmail },
    answered,
    lost,
    bareDb,
  };
}
type EngineRun = Awaited<ReturnType<typeof benchEngine>>;

/** The app's average sizes, as text of that length, for the bare loops to write as much. */
function barePayload(sizes: Record<string, number | null>) {
  const text = (key: string, fallback: number) => "x".repeat(Math.round(sizes[key] ?? fallback));
  return {
    nameEnc: text("nameEnc", 60),
    emailEnc: text("emailEnc", 80),
    html: text("html", 20_000),
    text: text("text", 1_000),
    subject: text("subject", 120),
    toAddress: text("toAddress", 80),
    headers: text("headers", 150),
    tags: text("tags", 40),
  };
}
type BarePayload = ReturnType<typeof barePayload>;

function bareSqliteLoop(file: string, campaignId: string, n: number, payload: BarePayload) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL"); // as the app's configureDatabase()
  db.pragma("busy_timeout = 5000");
  const insertSignature = db.prepare(
    `INSERT INTO Signature (id, campaignId, emailHash, nameEnc, emailEnc, country, showName, wantsUpdates, status, tokenHash, confirmationSentAt, addressHash, createdAt)
     VALUES (?, ?, ?, ?, ?, 'BE', 0, 0, 'pending', ?, ?, ?, ?)`,
  );
  const insertEmail = db.prepare(
    `INSERT INTO OutboxEmail (id, organisationId, dedupeKey, kind, subjectType, subjectId, fromAddress, toAddress, subject, html, text, headers, tags, encrypted, status, nextAttemptAt, createdAt)
     VALUES (?, NULL, ?, 'confirm-signature', 'signature', ?, 'Solidarity letters <letters@example.org>', ?, ?, ?, ?, ?, ?, 1, 'queued', ?, ?)`,
  );
  const insertEvent = db.prepare(`INSERT INTO EmailEvent (id, emailId, type, occurredAt) VALUES (?, ?, 'queued', ?)`);
  // Random keys made before the clock starts: the loop measures the database only.
  const random = crypto.randomBytes(n * 100);
  const key = (i: number, at: number, bytes: number) => random.toString("base64url", i * 100 + at, i * 100 + at + bytes);
  const one = db.transaction((i: number) => {
    const now = isoDate(Date.now());
    const id = `s${key(i, 0, 12)}`;
    const emailId = `c${key(i, 12, 15)}`;
    insertSignature.run(id, campaignId, key(i, 27, 32), payload.nameEnc, payload.emailEnc, key(i, 59, 32), now, key(i, 91, 9), now);
    insertEmail.run(
      emailId,
      `confirm-signature:${id}:${i}`,
      id,
      payload.toAddress,
      payload.subject,
      payload.html,
      payload.text,
      payload.headers,
      payload.tags,
      now,
      now,
    );
    insertEvent.run(`e${emailId}`, emailId, now);
  });
  const start = performance.now();
  for (let i = 0; i < n; i++) one(i);
  const elapsed = (performance.now() - start) / 1000;
  db.close();
  return { perSecond: n / elapsed, seconds: elapsed, n };
}

/**
 * PostgreSQL's counterpart: as many clients as the load, each on its own connection with its
 * statements prepared once, writing the same three rows in one transaction per signature.
 */
async function barePostgresLoop(url: string, campaignId: string, n: number, payload: BarePayload) {
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const insertSignature = {
    name: "bare-signature",
    text: `INSERT INTO "Signature" ("id", "campaignId", "emailHash", "nameEnc", "emailEnc", "country", "showName", "wantsUpdates", "status", "tokenHash", "confirmationSentAt", "addressHash", "createdAt")
           VALUES ($1, $2, $3, $4, $5, 'BE', FALSE, FALSE, 'pending', $6, $7, $8, $9)`,
  };
  const insertEmail = {
    name: "bare-email",
    text: `INSERT INTO "OutboxEmail" ("id", "organisationId", "dedupeKey", "kind", "subjectType", "subjectId", "fromAddress", "toAddress", "subject", "html", "text", "headers", "tags", "encrypted", "status", "nextAttemptAt", "createdAt")
           VALUES ($1, NULL, $2, 'confirm-signature', 'signature', $3, 'Solidarity letters <letters@example.org>', $4, $5, $6, $7, $8, $9, TRUE, 'queued', $10, $11)`,
  };
  const insertEvent = {
    name: "bare-event",
    text: `INSERT INTO "EmailEvent" ("id", "emailId", "type", "occurredAt") VALUES ($1, $2, 'queued', $3)`,
  };
  const random = crypto.randomBytes(n * 100);
  const key = (i: number, at: number, bytes: number) => random.toString("base64url", i * 100 + at, i * 100 + at + bytes);
  const pending = `SELECT count(*) AS n FROM "Signature" WHERE "status" = 'pending'`;
  const before = await postgresNumber(clients[0]!, pending);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < n; i = next++) {
        // timestamp(3) holds UTC wall time, as the app writes it.
        const now = new Date().toISOString().replace("Z", "");
        const id = `s${key(i, 0, 12)}`;
        const emailId = `c${key(i, 12, 15)}`;
        await client.query("BEGIN");
        await client.query({
          ...insertSignature,
          values: [id, campaignId, key(i, 27, 32), payload.nameEnc, payload.emailEnc, key(i, 59, 32), now, key(i, 91, 9), now],
        });
        await client.query({
          ...insertEmail,
          values: [
            emailId,
            `confirm-signature:${id}:${i}`,
            id,
            payload.toAddress,
            payload.subject,
            payload.html,
            payload.text,
            payload.headers,
            payload.tags,
            now,
            now,
          ],
        });
        await client.query({ ...insertEvent, values: [`e${emailId}`, emailId, now] });
        await client.query("COMMIT");
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const written = (await postgresNumber(clients[0]!, pending)) - before;
  await Promise.all(clients.map((c) => c.end()));
  if (written !== n) throw new Error(`The bare pg loop wrote ${written} signatures, not ${n}.`);
  return { perSecond: n / elapsed, seconds: elapsed, n };
}

const runs: EngineRun[] = [];
for (const engine of engines)
  for (const poolSize of engine === "postgresql" ? POOL_SIZES : [undefined]) runs.push(await benchEngine(engine, poolSize));
postgres?.stop();

// ---------------------------------------------------------------------------------------------
// 5. The report: each engine, then both side by side.
// ---------------------------------------------------------------------------------------------
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const bareLoad = bare.load;
const bareWindowRequests = bareLoad.successPerSecond * bareLoad.windowSeconds;
const coreShare = (cpuMs: number, windowSeconds: number) => `${f0(cpuMs / windowSeconds / 10)}% of one core`;
const poolNote = (poolSize: string | undefined) =>
  `pool of ${poolSize ?? "10 (the app's default)"} connections per pool (Prisma's and the hot path's) per process`;

function goalChecks(r: EngineRun) {
  const appLoad = r.app.load;
  const failed = Object.values(appLoad.total.failures).reduce((a, b) => a + b, 0);
  return [
    { ok: appLoad.successPerSecond >= GOAL.perSecond, text: `≥ ${GOAL.perSecond} signatures/s (${f0(appLoad.successPerSecond)})` },
    { ok: appLoad.latencyMs.p99 < GOAL.p99Ms, text: `p99 < ${GOAL.p99Ms} ms (${f1(appLoad.latencyMs.p99)})` },
    {
      ok: appLoad.successPerSecond >= GOAL.shareOfBare * r.bareDb.perSecond,
      text: `≥ ${GOAL.shareOfBare * 100}% of bare ${ENGINE_NAME[r.engine]} (${f0((appLoad.successPerSecond / r.bareDb.perSecond) * 100)}%)`,
    },
    { ok: !r.lost, text: "nothing lost (emails queued = rows written = successes)" },
    { ok: failed === 0, text: `every submission answered with success (${failed} not)` },
  ];
}

function report(r: EngineRun) {
  const { app, floor, campaignPage, others, sizes, answered, bareDb } = r;
  const { rowsWritten, rowsInTable, emailsQueued, emailsAll, emailsMatched, eventsPerEmail } = r.counts;
  const appLoad = app.load;
  const windowSignatures = appLoad.successPerSecond * appLoad.windowSeconds;
  const name = r.label;
  console.log("");
  console.log(
    `bench:sign on ${name} — ${CONCURRENCY} concurrent clients, keep-alive, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up; ${ROWS.toLocaleString("en")} signatures already in the table; ${PROCESSES === 1 ? "1 app server process" : `app served by ${PROCESSES} processes (node:cluster)`}; ${ADDRESSES > 1 ? `clients from ${ADDRESSES} addresses` : "every client from one address (one rate-limit count)"}; load average before ${loadAverageBefore}`,
  );
  console.log(`  durability: ${DURABILITY[r.engine]}${r.engine === "postgresql" ? `; ${poolNote(r.poolSize)}` : ""}`);
  console.log(`  ${pad("", 44)}${lpad("per second", 12)}${lpad("p50 ms", 9)}${lpad("p90 ms", 9)}${lpad("p99 ms", 9)}${lpad("max ms", 9)}`);
  const row = (label: string, perSecond: number, l?: LoadResult["latencyMs"], note = "") =>
    console.log(
      `  ${pad(label, 44)}${lpad(f0(perSecond), 12)}${lpad(l ? f1(l.p50) : "", 9)}${lpad(l ? f1(l.p90) : "", 9)}${lpad(l ? f1(l.p99) : "", 9)}${lpad(l ? f1(l.max) : "", 9)}${note}`,
    );
  const shortWindow = (load: LoadResult, asked = SECONDS) =>
    load.windowSeconds < asked - 0.5 ? `  (${load.total.sent} requests, the bound, in ${f1(load.windowSeconds)} s of window)` : "";
  row("app: signatures (POST → 302 check-email)", appLoad.successPerSecond, appLoad.latencyMs, shortWindow(appLoad));
  for (const other of others)
    row(
      `${other.label}: signatures`,
      other.measured.load.successPerSecond,
      other.measured.load.latencyMs,
      shortWindow(other.measured.load),
    );
  row("bare limit: node:http, same POSTs → 302", bareLoad.successPerSecond, bareLoad.latencyMs, shortWindow(bareLoad));
  row(`bare limit: ${bareDb.label}`, bareDb.perSecond, undefined, `  (${bareDb.n} signatures: row + outbox email + event)`);
  if (floor)
    row(
      "for reference: app GET /healthz (no signing)",
      floor.load.successPerSecond,
      floor.load.latencyMs,
      shortWindow(floor.load, FLOOR_SECONDS),
    );
  if (campaignPage)
    row(
      "for reference: app GET the campaign page",
      campaignPage.load.successPerSecond,
      campaignPage.load.latencyMs,
      shortWindow(campaignPage.load, FLOOR_SECONDS),
    );
  console.log(`  ratios to the bare limits (same run):`);
  console.log(
    `    app / bare HTTP     throughput ${f3(appLoad.successPerSecond / bareLoad.successPerSecond)}   p50 ${f1(appLoad.latencyMs.p50 / bareLoad.latencyMs.p50)}×   p99 ${f1(appLoad.latencyMs.p99 / bareLoad.latencyMs.p99)}×`,
  );
  console.log(
    `    app / bare ${pad(name, 11)}throughput ${f3(appLoad.successPerSecond / bareDb.perSecond)}   (bare: ${f0(1e6 / bareDb.perSecond)} µs per signature${r.engine === "postgresql" ? `, ${CONCURRENCY} at once` : ""})`,
  );
  if (others.length) {
    // Over all runs of each side: signatures per window second, and the median of the runs' p99.
    const thisRuns = [appLoad, ...others.filter((o) => !o.label.startsWith("baseline")).map((o) => o.measured.load)];
    const baselineRuns = others.filter((o) => o.label.startsWith("baseline")).map((o) => o.measured.load);
    const rate = (runs: LoadResult[]) =>
      runs.reduce((sum, x) => sum + x.successPerSecond * x.windowSeconds, 0) / runs.reduce((sum, x) => sum + x.windowSeconds, 0);
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const p99 = (runs: LoadResult[]) => median(runs.map((x) => x.latencyMs.p99));
    console.log(
      `    this / baseline     throughput ${f3(rate(thisRuns) / rate(baselineRuns))} (${f0(rate(thisRuns))} vs ${f0(rate(baselineRuns))}/s over ${thisRuns.length} and ${baselineRuns.length} runs, alternating)   p99 (median of runs) ${f3(p99(thisRuns) / p99(baselineRuns))} (${f1(p99(thisRuns))} vs ${f1(p99(baselineRuns))} ms)`,
    );
    console.log(
      `    / bare SQLite       this ${f3(rate(thisRuns) / bareDb.perSecond)}, baseline ${f3(rate(baselineRuns) / bareDb.perSecond)}`,
    );
    for (const other of others) {
      const m = other.measured;
      console.log(
        `    ${other.label}: app server CPU ${f0((m.serverCpuMs * 1000) / Math.max(1, m.load.successPerSecond * m.load.windowSeconds))} µs per signature; nothing lost? ${other.check}`,
      );
    }
  }
  console.log(
    `  CPU in the window: app server ${coreShare(app.serverCpuMs, appLoad.windowSeconds)}, ${f0((app.serverCpuMs * 1000) / Math.max(1, windowSignatures))} µs per signature; ` +
      `load generator ${coreShare(app.loadCpuMs, appLoad.windowSeconds)}` +
      (r.engine === "postgresql"
        ? `; PostgreSQL ${coreShare(app.databaseCpuMs, appLoad.windowSeconds)}, ${f0((app.databaseCpuMs * 1000) / Math.max(1, windowSignatures))} µs per signature`
        : ""),
  );
  console.log(
    `  CPU per request elsewhere: bare HTTP server ${f0((bare.serverCpuMs * 1000) / Math.max(1, bareWindowRequests))} µs` +
      (floor
        ? `; app on GET /healthz ${f0((floor.serverCpuMs * 1000) / Math.max(1, floor.load.successPerSecond * floor.load.windowSeconds))} µs`
        : ""),
  );
  console.log(
    `  what one signature writes (app, averages): outbox html ${f0(sizes.html ?? NaN)} + text ${f0(sizes.text ?? NaN)} characters (encrypted), nameEnc ${f0(sizes.nameEnc ?? NaN)}, emailEnc ${f0(sizes.emailEnc ?? NaN)}`,
  );
  console.log(
    `  answers: app ${appLoad.total.sent} sent, ${answered} signed${failureText(appLoad)}; bare HTTP ${bareLoad.total.sent} sent, ${bareLoad.total.success} redirected${failureText(bareLoad)}`,
  );
  for (const sample of appLoad.samples) console.log(`    e.g. ${sample}`);
  console.log(
    `  nothing lost? answered with success ${answered}, new signature rows ${rowsWritten}, confirmation emails queued ${emailsQueued} (${emailsAll} in all, ${emailsMatched} matching a new row, ${eventsPerEmail.toFixed(1)} events each), table ${rowsInTable.toLocaleString("en")} rows`,
  );
  if (r.unexpectedOutput.length)
    console.log(
      `  app server said:\n${r.unexpectedOutput
        .slice(0, 20)
        .map((l) => `    ${l}`)
        .join("\n")}`,
    );
  const checks = goalChecks(r);
  console.log(`  goal: ${checks.map((c) => `${c.ok ? "✓" : "✗"} ${c.text}`).join("; ")}`);
  console.log(`  goal ${checks.every((c) => c.ok) ? "MET" : "NOT MET"} on ${name}`);

  if (PROFILE_DIR) {
    // The main thread's profile (thread id 0) of one serving process: CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile
    const profile = fs
      .readdirSync(PROFILE_DIR)
      .find((f) => f.endsWith(".cpuprofile") && !r.profilesBefore.has(f) && f.includes(`.${r.servingPid}.0.`));
    if (!profile) console.log(`  (no CPU profile written in ${PROFILE_DIR})`);
    else {
      printProfile(path.join(PROFILE_DIR, profile), app.window, windowSignatures / PROCESSES, "POST signatures", "signature");
      if (floor)
        printProfile(
          path.join(PROFILE_DIR, profile),
          floor.window,
          (floor.load.successPerSecond * floor.load.windowSeconds) / PROCESSES,
          "GET /healthz, for reference",
          "request",
        );
      if (campaignPage)
        printProfile(
          path.join(PROFILE_DIR, profile),
          campaignPage.window,
          (campaignPage.load.successPerSecond * campaignPage.load.windowSeconds) / PROCESSES,
          "GET campaign page, for reference",
          "request",
        );
    }
  }
}

for (const r of runs) report(r);

if (runs.length > 1) {
  // Both engines, same run, same data, same load: one column each.
  const width = Math.max(16, ...runs.map((r) => r.label.length + 2));
  console.log(
    `\nbench:sign side by side (same run: ${ROWS.toLocaleString("en")} signatures in the table, ${CONCURRENCY} clients, ${PROCESSES} app processes)`,
  );
  console.log(`  ${pad("", 46)}${runs.map((r) => lpad(r.label, width)).join("")}`);
  const line = (label: string, value: (r: EngineRun) => string) =>
    console.log(`  ${pad(label, 46)}${runs.map((r) => lpad(value(r), width)).join("")}`);
  line("signatures per second", (r) => f0(r.app.load.successPerSecond));
  line("  p50 / p99 ms", (r) => `${f1(r.app.load.latencyMs.p50)} / ${f1(r.app.load.latencyMs.p99)}`);
  line("bare database limit, signatures per second", (r) => f0(r.bareDb.perSecond));
  line("app / bare database", (r) => f3(r.app.load.successPerSecond / r.bareDb.perSecond));
  line("app / bare HTTP", (r) => f3(r.app.load.successPerSecond / bareLoad.successPerSecond));
  line("CPU µs per signature: app server + PostgreSQL", (r) => {
    const perSignature = (ms: number) => f0((ms * 1000) / Math.max(1, r.app.load.successPerSecond * r.app.load.windowSeconds));
    return r.engine === "postgresql"
      ? `${perSignature(r.app.serverCpuMs)} + ${perSignature(r.app.databaseCpuMs)}`
      : perSignature(r.app.serverCpuMs);
  });
  if (runs.every((r) => r.campaignPage)) {
    line("campaign page views per second", (r) => f0(r.campaignPage!.load.successPerSecond));
    line("  p50 / p99 ms", (r) => `${f1(r.campaignPage!.load.latencyMs.p50)} / ${f1(r.campaignPage!.load.latencyMs.p99)}`);
  }
  if (runs.every((r) => r.floor)) line("GET /healthz per second", (r) => f0(r.floor!.load.successPerSecond));
  line("nothing lost (answered = rows = emails)", (r) => (r.lost ? `LOST` : `✓ ${r.answered}`));
  line("goal (≥1,000/s, p99 < 100 ms, ≥30% of bare)", (r) => (goalChecks(r).every((c) => c.ok) ? "met" : "NOT met"));
  for (const engine of engines) console.log(`  ${ENGINE_NAME[engine]}: ${DURABILITY[engine]}`);
  if (POOL_SIZES.length === 1 && engines.includes("postgresql")) console.log(`  PostgreSQL: ${poolNote(POOL_SIZES[0])}`);
}

function failureText(load: LoadResult) {
  const entries = Object.entries(load.total.failures);
  return entries.length ? `, not: ${entries.map(([k, v]) => `${v}× ${k}`).join(", ")}` : "";
}

function printProfile(file: string, window: [number, number], signatures: number, what: string, unit: string) {
  const summary = summariseProfile(file, {
    window,
    interesting: [
      "action@build/index.js",
      "sign@build/index.js",
      "renderEmail@build/index.js",
      "render@@react-email",
      "renderToStaticMarkup",
      "renderToString",
      "enqueueEmail@build/index.js",
      "getPublicCampaign@build/index.js",
      "checkPublicForm@build/index.js",
      "encrypt@build/index.js",
      "$transaction",
      "handleRequest",
      "handleDocumentRequest",
      "parseForm@build/index.js",
    ],
  });
  const per = (ms: number) => `${f0((ms * 1000) / Math.max(1, signatures))} µs/${unit}`;
  console.log(`\n  CPU profile of the app server during the ${what} window (${file}):`);
  console.log(`    sampled ${f0(summary.sampledMs)} ms, busy ${f0(summary.busyMs)} ms = ${per(summary.busyMs)}`);
  console.log(`    self time by part of the stack:`);
  for (const c of summary.categories.slice(0, 22))
    console.log(`      ${lpad(f0(c.ms), 7)} ms ${lpad(f1((c.ms / summary.sampledMs) * 100), 5)}%  ${lpad(per(c.ms), 18)}  ${c.name}`);
  console.log(`    self time by function (top 30):`);
  for (const fn of summary.functions.slice(0, 30))
    console.log(`      ${lpad(f0(fn.ms), 7)} ms ${lpad(f1((fn.ms / summary.sampledMs) * 100), 5)}%  ${fn.name}`);
  console.log(`    inclusive (synchronous stacks only; awaited Prisma work is counted where it resumes, not under its caller):`);
  for (const fn of summary.inclusive)
    console.log(`      ${lpad(f0(fn.ms), 7)} ms ${lpad(f1((fn.ms / summary.sampledMs) * 100), 5)}%  ${fn.name}`);
}

if (runs.some((r) => r.lost)) {
  console.error(
    `\n  !!!!!!!! LOST on ${runs
      .filter((r) => r.lost)
      .map((r) => r.label)
      .join(" and ")}: emails queued, rows written and successful answers differ !!!!!!!!`,
  );
  process.exit(1);
}
process.exit(0);

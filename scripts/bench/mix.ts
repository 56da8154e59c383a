// npm run bench:mix — a campaign's peak as it comes: nine views for each signature. Closed-loop
// clients on keep-alive connections open the campaign page, the case page and the home page in turn,
// and every tenth request signs the petition (a new supporter each time), on the production server
// (`server.ts`, node:cluster) with 1,000,000 signatures already in the table. Side by side in the
// same run, the bare limits: one node:http process that answers the same views with the app's own
// page (a fresh nonce in each), and signs as simply as it can be done right (parse the form, encrypt
// name and email, hash the email, one transaction: the row, its due confirmation email, its event).
// With BENCH_MIX_BASELINE=<another checkout> it also runs that checkout's server on a copy of the same
// database, in the order this, baseline, this: before and after in one run on a shared machine.
//
// Goals (2 cores): signatures ≥ 1,000/s and ≥ 30% of the bare signing limit, p99 < 100 ms; views
// of each page ≥ 1,500/s with p99 < 100 ms; nothing lost (answers = rows = queued emails).
//
// Settings (environment, all optional):
//   BENCH_MIX_ROWS=1000000        signatures already in the table
//   BENCH_MIX_CONCURRENCY=16      clients, each with one keep-alive connection
//   BENCH_MIX_SECONDS=20          measured window, after 3 s of warm-up
//   BENCH_MIX_PROCESSES=<cores≤4> WEB_CONCURRENCY of the app server
//   BENCH_MIX_BASELINE=<dir>      a second checkout (with its build/) to compare with
//   BENCH_SKIP_BUILD=1            use build/ as it is instead of running `remix build` first
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createSignatureDatabase, DEMO_PETITION_SLUG } from "./support/signature-database";

process.env.DATA_KEY ??= crypto.randomBytes(32).toString("base64");

const ROWS = Number(process.env.BENCH_MIX_ROWS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_MIX_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const PROCESSES = Number(process.env.BENCH_MIX_PROCESSES ?? Math.min(os.availableParallelism(), 4));
const BASELINE = process.env.BENCH_MIX_BASELINE ? path.resolve(process.env.BENCH_MIX_BASELINE) : null;
const HOST = "127.0.0.1";
const SLUG = DEMO_PETITION_SLUG;
const GOAL = { signaturesPerSecond: 1000, shareOfBare: 0.3, viewsPerSecond: 1500, p99Ms: 100 };

if (!fs.existsSync("server.ts") || !fs.existsSync("prisma/schema.prisma")) {
  console.error("Run from the project folder: npm run bench:mix");
  process.exit(2);
}
if (BASELINE && !fs.existsSync(path.join(BASELINE, "build/index.js"))) {
  console.error(`BENCH_MIX_BASELINE=${BASELINE} has no build/index.js: run \`npx remix build\` there first.`);
  process.exit(2);
}
const root = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-mix-"));
const children = new Set<ChildProcess>();
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
process.on("exit", () => {
  for (const child of children) if (!exited(child)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
const log = (line: string) => console.log(`  · ${line}`);
const loadAverageBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");

console.log(
  `bench:mix — ${ROWS.toLocaleString("en")} signatures in the table, ${CONCURRENCY} clients, 9 views per signature, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured, ${os.cpus().length} cores`,
);
if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync("build/index.js")) {
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  log("remix build done");
}

const { file: databaseFile, campaignId } = await createSignatureDatabase(dir, ROWS, log);
const caseSlug = (() => {
  const db = new Database(databaseFile, { readonly: true });
  const row = db.prepare(`SELECT c."slug" FROM "Case" c JOIN "Campaign" p ON p."caseId" = c."id" WHERE p."id" = ?`).get(campaignId) as {
    slug: string;
  };
  db.close();
  return row.slug;
})();
const PATHS = { campaign: `/campaigns/${SLUG}`, case: `/cases/${caseSlug}`, home: "/" };
const VIEWS = ["campaign", "case", "home"] as const;
const runId = crypto.randomBytes(4).toString("hex");
const { formStamp } = await import("../../app/security/crypto.server");
const stampsFrom = Date.now() - 3600_000;
let signer = 0;
const signBody = () => {
  const n = signer++;
  return `intent=sign&formStartedAt=${encodeURIComponent(formStamp(stampsFrom + n))}&website=&name=Mix+Signer+${n}&email=mix-${n}-${runId}%40example.org&country=BE`;
};

// ---------------------------------------------------------------------------------------------
// The loads: clients take the next request of a pattern in turn. At a peak most requests are views of
// the campaign page: the mix is 7 of it, 1 case page, 1 home page, 1 signature. Then, for the ceilings,
// signing alone and each page alone.
// ---------------------------------------------------------------------------------------------
type Kind = "sign" | keyof typeof PATHS;
const MIX: readonly Kind[] = ["campaign", "campaign", "case", "campaign", "campaign", "home", "campaign", "campaign", "sign", "campaign"];
const ALONE_SECONDS = Math.max(5, Math.round(SECONDS / 2));
interface Phases {
  mix: Result;
  sign: Result;
  views: Record<(typeof VIEWS)[number], Result>;
}
async function allPhases(label: string, port: number, signPath: string): Promise<Phases> {
  log(
    `${label}: ${WARMUP_SECONDS + SECONDS} s of mixed load, then signing alone and each page alone (${WARMUP_SECONDS + ALONE_SECONDS} s each)…`,
  );
  const mix = await mixedLoad(port, signPath, MIX, SECONDS);
  const sign = await mixedLoad(port, signPath, ["sign"], ALONE_SECONDS);
  const views = {} as Phases["views"];
  for (const view of VIEWS) views[view] = await mixedLoad(port, signPath, [view], ALONE_SECONDS);
  return { mix, sign, views };
}
interface KindResult {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  success: number;
  failures: Record<string, number>;
}
type Result = Record<Kind, KindResult> & { windowSeconds: number };
async function mixedLoad(port: number, signPath: string, pattern: readonly Kind[], seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });
  const kinds: Kind[] = ["sign", ...VIEWS];
  const latencies = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
  const inWindow = new Map<Kind, number>(kinds.map((k) => [k, 0]));
  const success = new Map<Kind, number>(kinds.map((k) => [k, 0]));
  const failures = new Map<Kind, Record<string, number>>(kinds.map((k) => [k, {}]));
  const start = performance.now();
  const windowStart = start + WARMUP_SECONDS * 1000;
  const windowEnd = windowStart + seconds * 1000;
  let sent = 0;
  const send = (kind: Kind): Promise<{ status: number; location?: string }> =>
    new Promise((resolve, reject) => {
      const body = kind === "sign" ? signBody() : undefined;
      const request = http.request(
        {
          host: HOST,
          port,
          path: kind === "sign" ? signPath : PATHS[kind],
          method: body ? "POST" : "GET",
          agent,
          headers: body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } : {},
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  async function client() {
    while (performance.now() < windowEnd) {
      const kind = pattern[sent++ % pattern.length]!;
      const t0 = performance.now();
      let key = "success";
      try {
        const answer = await send(kind);
        const ok = kind === "sign" ? answer.status === 302 && !!answer.location?.includes("signed=check-email") : answer.status === 200;
        if (!ok) key = `HTTP ${answer.status}`;
      } catch (error) {
        key = `error ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      }
      const t1 = performance.now();
      if (key === "success") success.set(kind, success.get(kind)! + 1);
      else failures.get(kind)![key] = (failures.get(kind)![key] ?? 0) + 1;
      if (t0 >= windowStart && t1 <= windowEnd) latencies.get(kind)!.push(t1 - t0);
      if (key === "success" && t1 >= windowStart && t1 <= windowEnd) inWindow.set(kind, inWindow.get(kind)! + 1);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  const at = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const result = { windowSeconds: seconds } as Result;
  for (const kind of kinds) {
    const sorted = latencies.get(kind)!.sort((a, b) => a - b);
    result[kind] = {
      perSecond: inWindow.get(kind)! / seconds,
      p50: at(sorted, 50),
      p99: at(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      success: success.get(kind)!,
      failures: failures.get(kind)!,
    };
  }
  return result;
}

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
async function stopChild(child: ChildProcess) {
  if (exited(child)) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await gone;
  clearTimeout(timer);
  children.delete(child);
}

// ---------------------------------------------------------------------------------------------
// 1. The app: this checkout (and the baseline), each on its own copy of the database.
// ---------------------------------------------------------------------------------------------
interface AppRun {
  label: string;
  result: Phases;
  lost: boolean;
  check: string;
  pageBytes: number;
}
let campaignPageHtml = "";
async function runApp(label: string, checkout: string): Promise<AppRun> {
  const file = path.join(dir, `run-${label.replace(/\W+/g, "-")}.db`);
  fs.copyFileSync(databaseFile, file);
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      WEB_CONCURRENCY: String(PROCESSES),
      DATABASE_URL: `file:${file}`,
      INSECURE_COOKIES: "1",
      MAIL_WORKER_IN_SERVER: "0",
      SIGN_RATE_LIMIT_PER_HOUR: "100000000",
      SIGN_MIN_FILL_SECONDS: "0",
      SEED_DEMO_DATA: "0",
      TRUST_PROXY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(server);
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const t = performance.now();
  for (let ready = false; !ready;) {
    if (exited(server)) throw new Error(`The ${label} server exited:\n${output}`);
    if (performance.now() - t > 120_000) throw new Error(`The ${label} server did not answer in 120 s:\n${output}`);
    ready = await fetch(`http://${HOST}:${port}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  // Every process answers before the clock starts.
  const onNewConnection = () =>
    new Promise<void>((resolve, reject) =>
      http.get({ host: HOST, port, path: "/healthz", agent: false }, (r) => r.resume().on("end", resolve)).on("error", reject),
    );
  await new Promise((r) => setTimeout(r, 1000));
  await Promise.all(Array.from({ length: PROCESSES * 4 }, onNewConnection));
  const page = await (await fetch(`http://${HOST}:${port}${PATHS.campaign}`)).text();
  campaignPageHtml ||= page;
  const formTag = page.match(/<form[^>]*id="sign-form"[^>]*>/)?.[0] ?? "";
  const signPath = (formTag.match(/action="([^"]*)"/)?.[1] ?? PATHS.campaign).replaceAll("&amp;", "&");
  const result = await allPhases(`${label} (${PROCESSES} processes)`, port, signPath);
  await stopChild(server);

  const db = new Database(file, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const rows = count(`SELECT count(*) AS n FROM Signature WHERE status = 'pending'`);
  const emails = count(`SELECT count(*) AS n FROM OutboxEmail WHERE kind = 'confirm-signature' AND status = 'queued'`);
  db.close();
  fs.rmSync(file, { force: true });
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const answered = result.mix.sign.success + result.sign.sign.success;
  return {
    label,
    result,
    lost: rows !== answered || emails !== answered,
    check: `answered ${answered}, rows ${rows}, confirmation emails queued ${emails}`,
    pageBytes: Buffer.byteLength(page),
  };
}

const runs: AppRun[] = [];
runs.push(await runApp("this checkout", root));
if (BASELINE) {
  runs.push(await runApp("baseline", BASELINE));
  runs.push(await runApp("this checkout, again", root));
}

// ---------------------------------------------------------------------------------------------
// 2. The bare limits: one node:http process, the same requests.
// ---------------------------------------------------------------------------------------------
const bareFile = path.join(dir, "bare.db");
fs.copyFileSync(databaseFile, bareFile);
const bareCode = `
const http = require("node:http");
const crypto = require("node:crypto");
const Database = require("better-sqlite3");
const db = new Database(${JSON.stringify(bareFile)});
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
const key = crypto.randomBytes(32);
const hashKey = crypto.randomBytes(32);
const encrypt = (text) => {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return "v1." + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
};
const insertSignature = db.prepare(\`INSERT INTO Signature (id, campaignId, emailHash, nameEnc, emailEnc, country, showName, wantsUpdates, status, tokenHash, confirmationSentAt, createdAt)
  VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'pending', ?, ?, ?)\`);
const insertEmail = db.prepare(\`INSERT INTO OutboxEmail (id, organisationId, dedupeKey, kind, subjectType, subjectId, fromAddress, toAddress, subject, html, text, headers, tags, encrypted, status, nextAttemptAt, createdAt)
  VALUES (?, NULL, ?, 'confirm-signature', 'signature', ?, 'Solidarity letters <letters@example.org>', ?, ?, '', ?, '{}', '[]', 1, 'queued', ?, ?)\`);
const insertEvent = db.prepare("INSERT INTO EmailEvent (id, emailId, type, occurredAt) VALUES (?, ?, 'queued', ?)");
const sign = db.transaction((form) => {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const id = "s" + crypto.randomBytes(12).toString("base64url");
  const email = form.get("email");
  const hash = crypto.createHmac("sha256", hashKey).update(email.toLowerCase()).digest("base64url");
  insertSignature.run(id, ${JSON.stringify(campaignId)}, hash, encrypt(form.get("name")), encrypt(email), form.get("country"), crypto.randomBytes(24).toString("base64url"), now, now);
  insertEmail.run("e" + id, "confirm-signature:" + id, id, encrypt(email), encrypt("Please confirm your signature"), encrypt(JSON.stringify({ campaignTitle: "x".repeat(60) })), now, now);
  insertEvent.run("v" + id, "e" + id, now);
});
const page = require("node:fs").readFileSync(${JSON.stringify(path.join(dir, "page.html"))}, "utf8").split("NONCE");
const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    const nonce = crypto.randomBytes(16).toString("base64");
    const body = page.join(nonce);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "script-src 'nonce-" + nonce + "'", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    sign(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(302, { Location: "/campaigns/${SLUG}?signed=check-email#sign", "Content-Length": "0" });
    res.end();
  });
});
server.listen(0, ${JSON.stringify(HOST)}, () => process.stdout.write(server.address().port + "\\n"));
process.on("SIGTERM", () => { db.close(); process.exit(0); });
`;
// The bare views answer with the app's own campaign page (each with its own nonce).
fs.writeFileSync(path.join(dir, "page.html"), campaignPageHtml.replace(/nonce="[^"]+"/g, 'nonce="NONCE"'));
const bare = spawn(process.execPath, ["-e", bareCode], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
children.add(bare);
const barePort = await new Promise<number>((resolve, reject) => {
  bare.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  bare.once("exit", (code) => reject(new Error(`The bare server exited (${code}).`)));
});
const bareResult = await allPhases("bare node:http + better-sqlite3 (one process)", barePort, PATHS.campaign);
await stopChild(bare);

// ---------------------------------------------------------------------------------------------
// 3. The report.
// ---------------------------------------------------------------------------------------------
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const labels: Record<Kind, string> = { sign: "signatures", campaign: "campaign page", case: "case page", home: "home page" };
console.log("");
console.log(
  `bench:mix — ${CONCURRENCY} clients, keep-alive; mix: 9 views (7 campaign page, 1 case, 1 home) per signature, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up; alone: ${ALONE_SECONDS} s each; ${ROWS.toLocaleString("en")} signatures in the table; app served by ${PROCESSES} processes, the bare limit by one; load average before ${loadAverageBefore}`,
);
const kinds: Kind[] = ["sign", ...VIEWS];
const alone = (phases: Phases, kind: Kind) => (kind === "sign" ? phases.sign.sign : phases.views[kind][kind]);
const header = `${lpad("per second", 11)}${lpad("p50 ms", 9)}${lpad("p99 ms", 9)}${lpad("of bare", 9)}`;
console.log(`  ${pad("", 44)}${pad("  in the mix", 38)}  alone`);
console.log(`  ${pad("", 44)}${header}${header}`);
const cells = (r: KindResult, bare: KindResult | null) =>
  `${lpad(f0(r.perSecond), 11)}${lpad(f1(r.p50), 9)}${lpad(f1(r.p99), 9)}${lpad(bare ? `${f0((r.perSecond / bare.perSecond) * 100)}%` : "", 9)}`;
const failuresOf = (phases: Phases) =>
  [phases.mix, phases.sign, ...Object.values(phases.views)]
    .flatMap((r) => kinds.flatMap((k) => Object.entries(r[k].failures).map(([what, n]) => `${n}× ${labels[k]} ${what}`)))
    .join(", ");
for (const run of [...runs, { label: "bare limit", result: bareResult, lost: false, check: "", pageBytes: 0 }]) {
  const isBare = run.label === "bare limit";
  for (const kind of kinds)
    console.log(
      `  ${pad(`${run.label}: ${labels[kind]}`, 44)}${cells(run.result.mix[kind], isBare ? null : bareResult.mix[kind])}${cells(alone(run.result, kind), isBare ? null : alone(bareResult, kind))}`,
    );
  const views = VIEWS.reduce((sum, v) => sum + run.result.mix[v].perSecond, 0);
  const failed = failuresOf(run.result);
  console.log(
    `  ${pad(`${run.label}: all views in the mix`, 44)}${lpad(f0(views), 11)}${failed ? `   not answered as expected: ${failed}` : ""}`,
  );
}
for (const run of runs) console.log(`  ${run.label}: nothing lost? ${run.check}; campaign page ${f0(run.pageBytes / 1024)} KB`);

const mine = runs[runs.length - 1]!.result;
const mixViews = VIEWS.reduce((sum, v) => sum + mine.mix[v].perSecond, 0);
const checks = [
  {
    ok: mine.sign.sign.perSecond >= GOAL.signaturesPerSecond,
    text: `signing alone ≥ ${GOAL.signaturesPerSecond}/s (${f0(mine.sign.sign.perSecond)})`,
  },
  {
    ok: mine.sign.sign.perSecond >= GOAL.shareOfBare * bareResult.sign.sign.perSecond,
    text: `≥ ${GOAL.shareOfBare * 100}% of bare signing (${f0((mine.sign.sign.perSecond / bareResult.sign.sign.perSecond) * 100)}%)`,
  },
  {
    ok: mine.sign.sign.p99 < GOAL.p99Ms && mine.mix.sign.p99 < GOAL.p99Ms,
    text: `signing p99 < ${GOAL.p99Ms} ms (alone ${f1(mine.sign.sign.p99)}, in the mix ${f1(mine.mix.sign.p99)})`,
  },
  {
    ok: mixViews >= GOAL.viewsPerSecond && VIEWS.every((v) => mine.mix[v].p99 < GOAL.p99Ms),
    text: `views while signing ≥ ${GOAL.viewsPerSecond}/s, p99 < ${GOAL.p99Ms} ms (${f0(mixViews)}; p99 ${VIEWS.map((v) => f1(mine.mix[v].p99)).join(", ")})`,
  },
  ...VIEWS.map((view) => ({
    ok: mine.views[view][view].perSecond >= GOAL.viewsPerSecond && mine.views[view][view].p99 < GOAL.p99Ms,
    text: `${labels[view]} alone ≥ ${GOAL.viewsPerSecond}/s, p99 < ${GOAL.p99Ms} ms (${f0(mine.views[view][view].perSecond)}, ${f1(mine.views[view][view].p99)})`,
  })),
  { ok: runs.every((r) => !r.lost), text: "nothing lost" },
];
console.log(`  goal (${runs[runs.length - 1]!.label}): ${checks.map((c) => `${c.ok ? "✓" : "✗"} ${c.text}`).join("; ")}`);
if (runs.some((r) => r.lost)) {
  console.error("\n  !!!!!!!! LOST: answers, rows and queued emails differ !!!!!!!!");
  process.exit(1);
}
process.exit(0);

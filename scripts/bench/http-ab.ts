// npm run bench:http-ab — what the HTTP layer (Express, Remix, server.ts) costs per request, this
// checkout against another, side by side on a shared machine. Throughput on two cores shared with
// other work swings by half from one minute to the next; the server's CPU time per request moves far
// less. So each side serves in turn (A, B, A, B, …), each time on a fresh copy of the same database,
// from one process (WEB_CONCURRENCY=1, no cluster IPC), and the report gives each side's median CPU
// per request over its rounds, for: GET /healthz (the framework and one SELECT), the login page
// (a page rendered by React every time: not one kept in memory), and signing the petition (POST → 302).
//
// Settings (environment):
//   BENCH_AB_BASELINE=<dir>   required: the other checkout, with its build/ (`npx remix build` there)
//   BENCH_AB_ROUNDS=4         rounds (each side once per round)
//   BENCH_AB_SECONDS=5        measured seconds per kind of request, after 2 s of warm-up
//   BENCH_AB_ROWS=200000      signatures already in the table
//   BENCH_AB_CONCURRENCY=8    clients, each with one keep-alive connection
//   BENCH_SKIP_BUILD=1        use build/ as it is instead of running `remix build` first
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { driveLoad } from "./support/load";
import { createSignatureDatabase, DEMO_PETITION_SLUG } from "./support/signature-database";

process.env.DATA_KEY ??= crypto.randomBytes(32).toString("base64");

const BASELINE = process.env.BENCH_AB_BASELINE ? path.resolve(process.env.BENCH_AB_BASELINE) : null;
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_AB_SECONDS ?? 5);
const ROWS = Number(process.env.BENCH_AB_ROWS ?? 200_000);
const CONCURRENCY = Number(process.env.BENCH_AB_CONCURRENCY ?? 8);
const HOST = "127.0.0.1";

if (!fs.existsSync("server.ts") || !BASELINE || !fs.existsSync(path.join(BASELINE, "build/index.js"))) {
  console.error("Run from the project folder with BENCH_AB_BASELINE=<another checkout with its build/>.");
  process.exit(2);
}
const root = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-ab-"));
const children = new Set<ChildProcess>();
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
process.on("exit", () => {
  for (const child of children) if (!exited(child)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
const log = (line: string) => console.log(`  · ${line}`);

if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync("build/index.js")) {
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
}
const { file: databaseFile } = await createSignatureDatabase(dir, ROWS, log);
const { formStamp } = await import("../../app/security/crypto.server");
const runId = crypto.randomBytes(4).toString("hex");
const stampsFrom = Date.now() - 3600_000;
let signer = 0;

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
const cpuMsOf = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

const KINDS = ["GET /healthz", "GET /login (rendered)", "POST sign"] as const;
type Kind = (typeof KINDS)[number];
interface Measure {
  cpuUsPerRequest: number;
  perSecond: number;
  p99: number;
}

async function serveOnce(checkout: string, round: number): Promise<Record<Kind, Measure>> {
  const file = path.join(dir, `r${round}-${path.basename(checkout)}.db`);
  fs.copyFileSync(databaseFile, file);
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      WEB_CONCURRENCY: "1",
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
    if (exited(server)) throw new Error(`The server of ${checkout} exited:\n${output}`);
    if (performance.now() - t > 120_000) throw new Error(`The server of ${checkout} did not answer in 120 s:\n${output}`);
    ready = await fetch(`http://${HOST}:${port}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  const page = await (await fetch(`http://${HOST}:${port}/campaigns/${DEMO_PETITION_SLUG}`)).text();
  const formTag = page.match(/<form[^>]*id="sign-form"[^>]*>/)?.[0] ?? "";
  const signPath = (formTag.match(/action="([^"]*)"/)?.[1] ?? `/campaigns/${DEMO_PETITION_SLUG}`).replaceAll("&amp;", "&");
  const results = {} as Record<Kind, Measure>;
  for (const kind of KINDS) {
    let cpuAtStart = 0;
    let cpuAtEnd = 0;
    const load = await driveLoad({
      host: HOST,
      ports: [port],
      path: kind === "GET /healthz" ? "/healthz" : kind === "POST sign" ? signPath : "/login",
      method: kind === "POST sign" ? "POST" : "GET",
      body:
        kind === "POST sign"
          ? () => {
              const n = signer++;
              return `intent=sign&formStartedAt=${encodeURIComponent(formStamp(stampsFrom + n))}&website=&name=AB+Signer+${n}&email=ab-${n}-${runId}%40example.org&country=BE`;
            }
          : undefined,
      isSuccess: (status, location) =>
        kind === "POST sign" ? status === 302 && !!location?.includes("signed=check-email") : status === 200,
      concurrency: CONCURRENCY,
      warmupMs: 2000,
      durationMs: SECONDS * 1000,
      maxRequests: 500_000,
      onWindow: (edge) => (edge === "start" ? (cpuAtStart = cpuMsOf(server.pid!)) : (cpuAtEnd = cpuMsOf(server.pid!))),
    });
    const failed = Object.values(load.total.failures).reduce((a, b) => a + b, 0);
    if (failed) throw new Error(`${kind} on ${checkout}: ${failed} answers were not a success: ${load.samples.join("; ")}`);
    const requests = load.successPerSecond * load.windowSeconds;
    results[kind] = {
      cpuUsPerRequest: ((cpuAtEnd - cpuAtStart) * 1000) / Math.max(1, requests),
      perSecond: load.successPerSecond,
      p99: load.latencyMs.p99,
    };
  }
  server.kill("SIGTERM");
  await new Promise((resolve) => (exited(server) ? resolve(null) : server.once("exit", resolve)));
  children.delete(server);
  fs.rmSync(file, { force: true });
  return results;
}

const sides = [
  { label: "this", checkout: root, runs: [] as Array<Record<Kind, Measure>> },
  { label: "baseline", checkout: BASELINE, runs: [] as Array<Record<Kind, Measure>> },
];
for (let round = 1; round <= ROUNDS; round++)
  for (const side of round % 2 ? sides : [...sides].reverse()) {
    log(`round ${round}: ${side.label}…`);
    side.runs.push(await serveOnce(side.checkout, round));
  }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
console.log(
  `\nbench:http-ab — ${ROUNDS} rounds, one server process each, ${CONCURRENCY} clients, ${SECONDS} s per kind; ${ROWS.toLocaleString("en")} signatures in the table; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(`  ${"".padEnd(32)}${"CPU µs/request (median; each round)".padEnd(52)}${"per second (median)".padStart(20)}`);
for (const kind of KINDS) {
  const [self, base] = sides.map((s) => s.runs.map((r) => r[kind]));
  const cpu = (runs: Measure[]) => median(runs.map((r) => r.cpuUsPerRequest));
  const rate = (runs: Measure[]) => median(runs.map((r) => r.perSecond));
  for (const [label, runs] of [
    ["this", self!],
    ["baseline", base!],
  ] as const)
    console.log(
      `  ${`${kind}, ${label}`.padEnd(32)}${`${cpu(runs).toFixed(0)} (${runs.map((r) => r.cpuUsPerRequest.toFixed(0)).join(", ")})`.padEnd(52)}${rate(runs).toFixed(0).padStart(20)}`,
    );
  console.log(
    `  ${`${kind}: this / baseline`.padEnd(32)}CPU ${(cpu(self!) / cpu(base!)).toFixed(3)}   throughput ${(rate(self!) / rate(base!)).toFixed(3)}`,
  );
}
process.exit(0);

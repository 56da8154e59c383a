// npm run bench:http-ab — what the HTTP layer (Express, Remix, server.ts) costs per request, this
// checkout against another, side by side on a shared machine. Throughput on two cores shared with
// other work swings by half from one minute to the next, and so does CPU per request when the load
// comes in bursts. So both servers run at once (one process each, WEB_CONCURRENCY=1, no cluster IPC,
// each on its own copy of the same database) and take the load in turn, one short slice each
// (A, B, B, A, A, B, …), and the report gives each side's CPU per request over all its slices and
// the median of the per-pair ratios, for: GET /healthz (the framework and one SELECT), the login page
// (rendered by React every time: not a page kept in memory), and signing the petition (POST → 302).
//
// Settings (environment):
//   BENCH_AB_BASELINE=<dir>   required: the other checkout, with its build/ (`npx remix build` there)
//   BENCH_AB_SLICES=20        slices per side and kind of request
//   BENCH_AB_SLICE_MS=1000    length of a slice (plus 200 ms): CPU and answers over all of it
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
const SLICES = Number(process.env.BENCH_AB_SLICES ?? 20);
const SLICE_MS = Number(process.env.BENCH_AB_SLICE_MS ?? 1000);
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

interface Server {
  label: string;
  pid: number;
  port: number;
  signPath: string;
  child: ChildProcess;
}

async function start(label: string, checkout: string): Promise<Server> {
  const file = path.join(dir, `${label}.db`);
  fs.copyFileSync(databaseFile, file);
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
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
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const t = performance.now();
  for (let ready = false; !ready;) {
    if (exited(child)) throw new Error(`The ${label} server exited:\n${output}`);
    if (performance.now() - t > 120_000) throw new Error(`The ${label} server did not answer in 120 s:\n${output}`);
    ready = await fetch(`http://${HOST}:${port}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  const page = await (await fetch(`http://${HOST}:${port}/campaigns/${DEMO_PETITION_SLUG}`)).text();
  const formTag = page.match(/<form[^>]*id="sign-form"[^>]*>/)?.[0] ?? "";
  const signPath = (formTag.match(/action="([^"]*)"/)?.[1] ?? `/campaigns/${DEMO_PETITION_SLUG}`).replaceAll("&amp;", "&");
  return { label, pid: child.pid!, port, signPath, child };
}

/** One slice of load on one server: its CPU (ms) over the whole slice and every request it answered. */
async function slice(server: Server, kind: Kind): Promise<{ cpuMs: number; requests: number }> {
  const cpuAtStart = cpuMsOf(server.pid);
  const load = await driveLoad({
    host: HOST,
    ports: [server.port],
    path: kind === "GET /healthz" ? "/healthz" : kind === "POST sign" ? server.signPath : "/login",
    method: kind === "POST sign" ? "POST" : "GET",
    body:
      kind === "POST sign"
        ? () => {
            const n = signer++;
            return `intent=sign&formStartedAt=${encodeURIComponent(formStamp(stampsFrom + n))}&website=&name=AB+Signer+${n}&email=ab-${n}-${runId}%40example.org&country=BE`;
          }
        : undefined,
    isSuccess: (status, location) => (kind === "POST sign" ? status === 302 && !!location?.includes("signed=check-email") : status === 200),
    concurrency: CONCURRENCY,
    warmupMs: 200,
    durationMs: SLICE_MS,
    maxRequests: 100_000,
  });
  const failed = Object.values(load.total.failures).reduce((a, b) => a + b, 0);
  if (failed) throw new Error(`${kind} on ${server.label}: ${failed} answers were not a success: ${load.samples.join("; ")}`);
  return { cpuMs: cpuMsOf(server.pid) - cpuAtStart, requests: load.total.success };
}

log("starting both servers…");
const self = await start("this", root);
const base = await start("baseline", BASELINE);
// A first pass of each kind on each side warms the JIT before anything counts.
for (const kind of KINDS) for (const server of [self, base]) await slice(server, kind);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
console.log(
  `\nbench:http-ab — ${SLICES} slices of ${SLICE_MS} ms per side and kind, alternating; one server process each, ${CONCURRENCY} clients; ${ROWS.toLocaleString("en")} signatures in the table; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(
  `  ${"".padEnd(24)}${"CPU µs/request, this".padStart(22)}${"baseline".padStart(10)}${"this / baseline".padStart(17)}${"(median of pairs)".padStart(19)}${"requests/s this, baseline".padStart(28)}`,
);
for (const kind of KINDS) {
  const pairs: Array<[{ cpuMs: number; requests: number }, { cpuMs: number; requests: number }]> = [];
  for (let i = 0; i < SLICES; i++) {
    // A, B then B, A: neither side always goes first.
    if (i % 2 === 0) {
      const a = await slice(self, kind);
      pairs.push([a, await slice(base, kind)]);
    } else {
      const b = await slice(base, kind);
      pairs.push([await slice(self, kind), b]);
    }
  }
  const perRequest = (side: 0 | 1) =>
    (pairs.reduce((sum, p) => sum + p[side].cpuMs, 0) * 1000) /
    Math.max(
      1,
      pairs.reduce((sum, p) => sum + p[side].requests, 0),
    );
  const rate = (side: 0 | 1) => pairs.reduce((sum, p) => sum + p[side].requests, 0) / ((SLICES * (SLICE_MS + 200)) / 1000);
  const ratios = pairs.map(([a, b]) => a.cpuMs / Math.max(1, a.requests) / (b.cpuMs / Math.max(1, b.requests)));
  console.log(
    `  ${kind.padEnd(24)}${perRequest(0).toFixed(0).padStart(22)}${perRequest(1).toFixed(0).padStart(10)}${(perRequest(0) / perRequest(1)).toFixed(3).padStart(17)}${median(ratios).toFixed(3).padStart(19)}${`${rate(0).toFixed(0)}, ${rate(1).toFixed(0)}`.padStart(28)}`,
  );
}
process.exit(0);

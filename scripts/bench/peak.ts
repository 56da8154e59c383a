// npm run bench:peak — a campaign's peak on the production server (`server.ts`, node:cluster):
// strangers sign without pause while earlier signers press the buttons of their emails (confirm,
// some twice; stop email; delete my data) and an organiser edits the campaign again and again.
// Side by side in the same run: the same signing load alone, before the peak.
// It must hold: no server error anywhere; every confirmation counted exactly once; answered
// signatures = new rows = queued confirmation emails; stopped and deleted signers as they asked.
//
// Settings (environment, all optional):
//   BENCH_PEAK_ROWS=200000        confirmed signatures already in the table
//   BENCH_PEAK_EARLIER=400        earlier signers (pending) whose links are pressed during the peak
//   BENCH_PEAK_CONCURRENCY=12     signing clients, each on one keep-alive connection
//   BENCH_PEAK_LINK_CLIENTS=4     clients pressing earlier signers' buttons
//   BENCH_PEAK_SECONDS=15         measured window of each phase, after 2 s of warm-up
//   BENCH_PEAK_PROCESSES=<cores≤4> WEB_CONCURRENCY of the app server
//   BENCH_SKIP_BUILD=1            use build/ as it is
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { driveLoad, type LoadResult } from "./support/load";
import { createSignatureDatabase, DEMO_PETITION_SLUG } from "./support/signature-database";

const ROWS = Number(process.env.BENCH_PEAK_ROWS ?? 200_000);
const EARLIER = Number(process.env.BENCH_PEAK_EARLIER ?? 400);
const CONCURRENCY = Number(process.env.BENCH_PEAK_CONCURRENCY ?? 12);
const LINK_CLIENTS = Number(process.env.BENCH_PEAK_LINK_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_PEAK_SECONDS ?? 15);
const WARMUP_SECONDS = 2;
const PROCESSES = Number(process.env.BENCH_PEAK_PROCESSES ?? Math.min(os.availableParallelism(), 4));
const HOST = "127.0.0.1";
const SLUG = DEMO_PETITION_SLUG;
const ORGANISER = { email: "organiser@example.org", password: "solidarity-demo" };

if (!fs.existsSync("server.ts")) {
  console.error("Run from the project folder: npm run bench:peak");
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-bench-peak-"));
const children = new Set<ChildProcess>();
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
process.on("exit", () => {
  for (const child of children) if (!exited(child)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
const log = (line: string) => console.log(`  · ${line}`);

console.log(
  `bench:peak — ${ROWS.toLocaleString("en")} signatures in the table, ${EARLIER} earlier signers, ${CONCURRENCY} signing clients, ${PROCESSES} serving processes, ${os.cpus().length} cores`,
);
if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync("build/index.js")) {
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  log("remix build done");
}

// 1. The database, and the server as production runs it (mail worker off: the outbox keeps every
//    email to be counted).
const { file: databaseFile, url: databaseUrl, campaignId } = await createSignatureDatabase(dir, ROWS, log);
const port = await new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.on("error", reject);
  probe.listen(0, HOST, () => {
    const address = probe.address();
    const found = typeof address === "object" && address ? address.port : 0;
    probe.close(() => resolve(found));
  });
});
let serverOutput = "";
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    WEB_CONCURRENCY: String(PROCESSES),
    DATABASE_URL: databaseUrl,
    MAIL_WORKER_IN_SERVER: "0",
    SIGN_RATE_LIMIT_PER_HOUR: "100000000",
    SIGN_MIN_FILL_SECONDS: "0",
    LOGIN_RATE_LIMIT_PER_15_MIN: "1000",
    SEED_DEMO_DATA: "0",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
children.add(server);
server.stdout!.on("data", (c: Buffer) => (serverOutput += c.toString()));
server.stderr!.on("data", (c: Buffer) => (serverOutput += c.toString()));
const base = `http://${HOST}:${port}`;
for (const started = Date.now(); ;) {
  if (exited(server)) throw new Error(`The app server exited:\n${serverOutput}`);
  if (Date.now() - started > 120_000) throw new Error(`The app server did not answer in 120 s:\n${serverOutput}`);
  if (
    await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 200));
}
// Every serving process up before the clock starts.
await new Promise((r) => setTimeout(r, 1500));
log(`app server on port ${port}`);

// 2. What the forms need: the page's stamp and form address; an organiser's session.
const page = await (await fetch(`${base}/campaigns/${SLUG}`)).text();
if (!/name="formStartedAt"/.test(page)) throw new Error("No formStartedAt stamp on the campaign page.");
const formTag = page.match(/<form[^>]*id="sign-form"[^>]*>/)?.[0] ?? "";
const formPath = (formTag.match(/action="([^"]*)"/)?.[1] ?? `/campaigns/${SLUG}`).replaceAll("&amp;", "&");
const runId = crypto.randomBytes(4).toString("hex");
// A form's stamp is good for one submission: each supporter gets their own, as each opens the page
// (minted with the install's key, which this process shares through the database's folder).
const { formStamp } = await import("~/security/crypto.server");
const stampsFrom = Date.now() - 3600_000;
const signBody = (prefix: string) => (n: number) =>
  `intent=sign&formStartedAt=${encodeURIComponent(formStamp(stampsFrom + n))}&website=&name=Peak+Signer+${n}&email=${prefix}-${n}-${runId}%40example.org&country=BE`;
const isSigned = (status: number, location: string | undefined) => status === 302 && !!location?.includes("signed=check-email");

const login = await fetch(`${base}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(ORGANISER),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
if (login.status !== 302 || !cookie) throw new Error(`The demo organiser could not log in (${login.status}).`);

// 3. Earlier signers: signed before the peak; their links come from their (encrypted) emails.
const earlier = await driveLoad({
  host: HOST,
  ports: [port],
  path: formPath,
  body: signBody("earlier"),
  isSuccess: isSigned,
  concurrency: 8,
  warmupMs: 0,
  durationMs: 60_000,
  maxRequests: EARLIER,
});
if (earlier.total.success !== EARLIER) throw new Error(`Only ${earlier.total.success} of ${EARLIER} earlier signers could sign.`);
const { readable } = await import("~/mail/outbox.server");
const db = new Database(databaseFile, { readonly: true });
const earlierEmails = db
  .prepare("SELECT subjectId, toAddress, subject, text, encrypted FROM OutboxEmail WHERE kind = 'confirm-signature'")
  .all() as Array<{ subjectId: string; toAddress: string; subject: string; text: string; encrypted: number }>;
db.close();
interface Signer {
  id: string;
  confirm: string;
  unsubscribe: string;
  remove: string;
}
const signers: Signer[] = earlierEmails.map((row) => {
  const { text } = readable({ ...row, encrypted: row.encrypted === 1 });
  const link = (action: string) => text.match(new RegExp(`/s/([A-Za-z0-9_-]+)/${action}`))?.[1];
  const [confirm, unsubscribe, remove] = [link("confirm"), link("unsubscribe"), link("delete")];
  if (!confirm || !unsubscribe || !remove) throw new Error("A confirmation email without its links.");
  return { id: row.subjectId, confirm, unsubscribe, remove };
});
// Most confirm (a fifth of them press twice); some stop email; some delete their data.
const toConfirm = signers.slice(0, Math.floor(EARLIER * 0.6));
const toUnsubscribe = signers.slice(toConfirm.length, toConfirm.length + Math.floor(EARLIER * 0.2));
const toDelete = signers.slice(toConfirm.length + toUnsubscribe.length);
const pressedTwice = toConfirm.filter((_, i) => i % 5 === 0);
const presses = [
  ...toConfirm.map((s) => `/s/${s.confirm}/confirm`),
  ...pressedTwice.map((s) => `/s/${s.confirm}/confirm`),
  ...toUnsubscribe.map((s) => `/s/${s.unsubscribe}/unsubscribe`),
  ...toDelete.map((s) => `/s/${s.remove}/delete`),
].sort(() => Math.random() - 0.5);
log(
  `${EARLIER} earlier signers: ${toConfirm.length} confirm (${pressedTwice.length} twice), ${toUnsubscribe.length} stop email, ${toDelete.length} delete their data`,
);

// 4a. Signing alone.
const signingLoad = (prefix: string) =>
  driveLoad({
    host: HOST,
    ports: [port],
    path: formPath,
    body: signBody(prefix),
    isSuccess: isSigned,
    concurrency: CONCURRENCY,
    warmupMs: WARMUP_SECONDS * 1000,
    durationMs: SECONDS * 1000,
    maxRequests: 500_000,
  });
log(`signing alone: ${WARMUP_SECONDS + SECONDS} s…`);
const alone = await signingLoad("alone");

// 4b. The peak: the same signing, with the buttons pressed and the organiser editing.
interface Answered {
  status: number;
  ms: number;
  what: string;
}
const linkAnswers: Answered[] = [];
const editAnswers: Answered[] = [];
async function timed(what: string, into: Answered[], request: () => Promise<Response>) {
  const t = performance.now();
  try {
    const response = await request();
    await response.arrayBuffer();
    into.push({ status: response.status, ms: performance.now() - t, what });
  } catch (error) {
    into.push({ status: 0, ms: performance.now() - t, what: `${what}: ${String(error)}` });
  }
}
const peakMs = (WARMUP_SECONDS + SECONDS) * 1000;
async function pressLinks() {
  // Spread over the peak: each client takes the next press at its own even pace.
  const gap = peakMs / Math.max(1, presses.length / LINK_CLIENTS) / 1.2;
  const queue = [...presses];
  await Promise.all(
    Array.from({ length: LINK_CLIENTS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const url = next;
        await timed(url.split("/").at(-1)!, linkAnswers, () =>
          fetch(`${base}${url}`, {
            method: "POST",
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: "",
          }),
        );
        await new Promise((r) => setTimeout(r, gap));
      }
    }),
  );
}
const campaignRow = new Database(databaseFile, { readonly: true }).prepare("SELECT * FROM Campaign WHERE id = ?").get(campaignId) as Record<
  string,
  string | number | null
>;
const decode = (list: unknown) =>
  String(list ?? "")
    .split("|")
    .filter(Boolean);
async function editCampaign() {
  let n = 0;
  for (const until = Date.now() + peakMs; Date.now() < until; n++) {
    const form = new URLSearchParams({
      intent: "update",
      caseId: String(campaignRow.caseId),
      title: String(campaignRow.title),
      slug: String(campaignRow.slug),
      summary: `${String(campaignRow.summary).slice(0, 2900)} (edit ${n})`,
      callToAction: String(campaignRow.callToAction),
      status: String(campaignRow.status),
      startsOn: String(campaignRow.startsOn ?? ""),
      endsOn: String(campaignRow.endsOn ?? ""),
      targetCountries: decode(campaignRow.targetCountries).join(", "),
      targetTags: decode(campaignRow.targetTags).join(", "),
      petitionText: String(campaignRow.petitionText ?? ""),
      signatureGoal: String(campaignRow.signatureGoal ?? ""),
    });
    for (const kind of decode(campaignRow.targetKinds)) form.append("targetKinds", kind);
    await timed("edit", editAnswers, () =>
      fetch(`${base}/admin/campaigns/${campaignId}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
  }
}
log(`the peak: ${WARMUP_SECONDS + SECONDS} s of signing while ${presses.length} buttons are pressed and the organiser edits…`);
const [peak] = await Promise.all([signingLoad("peak"), pressLinks(), editCampaign()]);
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));

// 5. What the database says.
const check = new Database(databaseFile, { readonly: true });
const one = (sql: string, ...args: unknown[]) => (check.prepare(sql).get(...args) as { n: number }).n;
const ids = (list: Signer[]) => JSON.stringify(list.map((s) => s.id));
const count = one("SELECT signatureCount AS n FROM Campaign WHERE id = ?", campaignId);
const confirmedRows = one("SELECT count(*) AS n FROM Signature WHERE campaignId = ? AND status = 'confirmed'", campaignId);
const earlierConfirmed = one(
  "SELECT count(*) AS n FROM Signature WHERE status = 'confirmed' AND id IN (SELECT value FROM json_each(?))",
  ids(toConfirm),
);
const earlierStopped = one(
  "SELECT count(*) AS n FROM Signature WHERE unsubscribedAt IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
  ids(toUnsubscribe),
);
const earlierDeletedLeft = one(
  "SELECT count(*) AS n FROM Signature WHERE emailEnc IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
  ids(toDelete),
);
const allEarlier = JSON.stringify(signers.map((s) => s.id));
const newRows = one(
  "SELECT count(*) AS n FROM Signature WHERE status = 'pending' AND id NOT IN (SELECT value FROM json_each(?))",
  allEarlier,
);
const newEmails = one(
  "SELECT count(*) AS n FROM OutboxEmail WHERE kind = 'confirm-signature' AND status = 'queued' AND subjectId NOT IN (SELECT value FROM json_each(?))",
  allEarlier,
);
const edits = one("SELECT count(*) AS n FROM Campaign WHERE id = ? AND summary LIKE '%(edit %'", campaignId);
check.close();

// 6. The report.
const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const latency = (answers: Answered[]) => {
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  return `p50 ${f1(pct(sorted, 50))} ms, p99 ${f1(pct(sorted, 99))} ms, max ${f1(sorted.at(-1) ?? NaN)} ms`;
};
const statuses = (answers: Answered[]) =>
  Object.entries(answers.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {}))
    .map(([s, n]) => `${n}× ${s}`)
    .join(", ");
const serverErrors = (load: LoadResult) =>
  Object.entries(load.total.failures)
    .filter(([k]) => !/^3|^2/.test(k))
    .reduce((sum, [, n]) => sum + n, 0);
const answeredSigned = alone.total.success + peak.total.success;
const lineOf = (label: string, load: LoadResult) =>
  `  ${label.padEnd(34)}${f0(load.successPerSecond).padStart(8)}/s   p50 ${f1(load.latencyMs.p50).padStart(6)} ms   p99 ${f1(load.latencyMs.p99).padStart(6)} ms   ${load.total.sent} sent, ${load.total.success} signed${Object.keys(load.total.failures).length ? `, not: ${JSON.stringify(load.total.failures)}` : ""}`;
console.log("");
console.log(`bench:peak — ${SECONDS} s measured per phase, ${CONCURRENCY} signing clients, ${PROCESSES} processes`);
console.log(lineOf("signing alone", alone));
console.log(lineOf("signing at the peak", peak));
console.log(
  `  peak / alone: signing throughput ${(peak.successPerSecond / alone.successPerSecond).toFixed(3)}, p99 ${(peak.latencyMs.p99 / alone.latencyMs.p99).toFixed(2)}×`,
);
console.log(`  buttons pressed: ${linkAnswers.length} (${statuses(linkAnswers)}); ${latency(linkAnswers)}`);
console.log(`  organiser's edits: ${editAnswers.length} (${statuses(editAnswers)}); ${latency(editAnswers)}`);
for (const sample of [...peak.samples, ...linkAnswers.filter((a) => a.status >= 400 || a.status === 0).map((a) => a.what)].slice(0, 8))
  console.log(`    e.g. ${sample}`);
console.log(
  `  count ${count.toLocaleString("en")} = table's confirmed rows ${confirmedRows.toLocaleString("en")} = ${ROWS.toLocaleString("en")} + ${earlierConfirmed} confirmed at the peak (of ${toConfirm.length}, ${pressedTwice.length} pressed twice)`,
);
console.log(`  answered signatures ${answeredSigned} = new rows ${newRows} = queued confirmation emails ${newEmails}`);
console.log(
  `  stopped email ${earlierStopped} of ${toUnsubscribe.length}; data still there after delete: ${earlierDeletedLeft} of ${toDelete.length}`,
);
const unexpected = serverOutput.split("\n").filter((l) => /error|Error|exception/.test(l));
if (unexpected.length)
  console.log(
    `  the server said:\n${unexpected
      .slice(0, 10)
      .map((l) => `    ${l}`)
      .join("\n")}`,
  );

const linkOk = (a: Answered) => a.status === 200;
const editOk = (a: Answered) => a.status === 200;
const checks = [
  {
    ok: serverErrors(alone) + serverErrors(peak) === 0 && linkAnswers.every(linkOk) && editAnswers.every(editOk),
    text: "no error answered (every signature, button and edit succeeded)",
  },
  {
    ok: count === confirmedRows && count === ROWS + toConfirm.length && earlierConfirmed === toConfirm.length,
    text: "every confirmation counted exactly once",
  },
  { ok: answeredSigned === newRows && newRows === newEmails, text: "answered signatures = rows = queued emails" },
  { ok: earlierStopped === toUnsubscribe.length && earlierDeletedLeft === 0, text: "stopped and deleted as asked" },
  { ok: edits === 1 && editAnswers.length > 0, text: "the organiser's last edit saved" },
  { ok: unexpected.length === 0, text: "no error in the server's output" },
];
console.log(`  ${checks.map((c) => `${c.ok ? "✓" : "✗"} ${c.text}`).join("\n  ")}`);
console.log(`  peak ${checks.every((c) => c.ok) ? "HELD" : "DID NOT HOLD"}`);
process.exit(checks.every((c) => c.ok) ? 0 : 1);

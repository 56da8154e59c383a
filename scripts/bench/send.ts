// npm run bench:send — queue 10,000 emails and send them through the Resend stand-in, limited like
// Resend to 2 requests a second; next to it, in the same run, the bare limit: a plain Node loop
// posting the same batches with fetch at the same rate. Prints emails a second and the worker's CPU.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createMigratedDatabase } from "../../tests/support/migrated-database";
import { startResendStandIn } from "../../tests/support/resend-stand-in";

const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const RATE = 2;
const BATCH = 100;
const ceiling = RATE * BATCH;

const database = createMigratedDatabase("sl-bench-send-");
process.env.DATABASE_URL = database.url;
const { prisma } = await import("~/db.server");
const { enqueueEmail } = await import("~/mail/outbox.server");
const { renderEmail } = await import("~/mail/render.server");
const { InvitationEmail } = await import("../../emails/invitation");

function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return (ticks * 1000) / 100;
}

// 1. The bare limit: plain fetch, batches of 100, 2 a second, no database.
const bareStandIn = await startResendStandIn({ requestsPerSecond: RATE });
const bareStart = performance.now();
let nextAt = bareStart;
for (let sent = 0, i = 0; sent < EMAILS; i++) {
  await new Promise((r) => setTimeout(r, Math.max(0, nextAt - performance.now())));
  nextAt = performance.now() + (1000 / RATE) * 1.05;
  const size = Math.min(BATCH, EMAILS - sent);
  const body = Array.from({ length: size }, (_, k) => ({
    from: "a@example.org",
    to: [`bare-${sent + k}@example.org`],
    subject: "s",
    html: "<p>h</p>",
    text: "h",
  }));
  const response = await fetch(`${bareStandIn.url}/emails/batch`, {
    method: "POST",
    headers: { Authorization: "Bearer re_bench", "Content-Type": "application/json", "Idempotency-Key": `bare-${i}` },
    body: JSON.stringify(body),
  });
  if (response.ok) sent += size;
  else nextAt = performance.now() + Number(response.headers.get("retry-after") ?? 1) * 1000;
}
const bareSeconds = (performance.now() - bareStart) / 1000;
await bareStandIn.stop();

// 2. The app: enqueue through the outbox (a real rendered email), then a worker process sends.
const rendered = await renderEmail(
  InvitationEmail({
    organisationName: "Bench",
    inviterName: "Bench",
    roleLabel: "Organiser",
    sectionName: null,
    acceptUrl: "http://localhost/x",
    expiresOn: "1 December 2026",
  }),
);
const enqueueStart = performance.now();
for (let i = 0; i < EMAILS; i += 500) {
  await prisma.$transaction(async (tx) => {
    for (let k = i; k < Math.min(EMAILS, i + 500); k++) {
      await enqueueEmail(tx, { dedupeKey: `bench:${k}`, kind: "bench", to: `bench-${k}@example.org`, subject: "Bench", ...rendered });
    }
  });
}
const enqueueSeconds = (performance.now() - enqueueStart) / 1000;

const standIn = await startResendStandIn({ requestsPerSecond: RATE });
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    RESEND_API_KEY: "re_bench",
    APP_URL: "http://localhost",
    RESEND_BASE_URL: standIn.url,
    MAIL_REQUESTS_PER_SECOND: String(RATE),
    MAIL_BATCH_SIZE: String(BATCH),
    MAIL_POLL_MS: "50",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const start = performance.now();
let workerCpuMs = 0;
while (true) {
  await new Promise((r) => setTimeout(r, 100));
  const left = await prisma.outboxEmail.count({ where: { status: { not: "sent" } } });
  workerCpuMs = cpuMsOf(worker.pid!);
  if (left === 0) break;
}
const seconds = (performance.now() - start) / 1000;
worker.kill("SIGTERM");
const accepted = standIn.accepted.length;
const unique = new Set(standIn.accepted.flatMap((e) => e.to)).size;
const refused = standIn.requests.filter((r) => r.status === 429).length;
await standIn.stop();
await prisma.$disconnect();
fs.rmSync(database.dir, { recursive: true, force: true });

const appRate = EMAILS / seconds;
const bareRate = EMAILS / bareSeconds;
console.log(`bench:send — ${EMAILS} emails, provider limited to ${RATE} requests/s × ${BATCH} = ${ceiling} emails/s ceiling`);
console.log(
  `  bare limit (plain fetch loop, no database): ${bareRate.toFixed(1)} emails/s (${((bareRate / ceiling) * 100).toFixed(1)}% of ceiling)`,
);
console.log(
  `  app (outbox + worker + resend SDK):        ${appRate.toFixed(1)} emails/s (${((appRate / ceiling) * 100).toFixed(1)}% of ceiling, ${(appRate / bareRate).toFixed(3)}× the bare limit)`,
);
console.log(`  worker CPU: ${workerCpuMs.toFixed(0)} ms in all, ${((workerCpuMs * 1000) / EMAILS).toFixed(0)} µs per email`);
console.log(`  enqueue: ${(EMAILS / enqueueSeconds).toFixed(0)} emails/s into the outbox`);
console.log(`  provider accepted ${accepted} emails (${unique} distinct), answered 429 to ${refused} requests`);
if (unique !== EMAILS || accepted !== EMAILS) {
  console.error("FAILED: every email must be accepted exactly once");
  process.exit(1);
}

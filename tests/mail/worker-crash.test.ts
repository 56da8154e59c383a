// A worker killed with SIGKILL in the middle of sending 1,000 emails, then started again:
// the stand-in of Resend has accepted every one of them exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { queueEmails } from "../support/mail";
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";

let standIn: ResendStandIn;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Slow answers: the kill lands while requests are in flight, after the provider accepted them.
  standIn = await startResendStandIn({ delayMs: 120 });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await standIn.stop();
});

function startWorkerProcess(): ChildProcess {
  // node itself, with tsx as a loader: the tsx command would run the worker in a child process of
  // its own, and SIGKILL would then kill only the wrapper and leave the worker running.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      RESEND_API_KEY: "re_test_crash",
      APP_URL: "http://localhost",
      RESEND_BASE_URL: standIn.url,
      MAIL_REQUESTS_PER_SECOND: "50",
      MAIL_BATCH_SIZE: "25",
      MAIL_LEASE_SECONDS: "1",
      MAIL_POLL_MS: "50",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe("a worker killed mid-send", () => {
  it("sends each of 1,000 emails exactly once after a restart", async () => {
    await queueEmails(1000, { prefix: "crash" });

    const first = startWorkerProcess();
    await waitFor(() => standIn.accepted.length >= 300, 60_000, "the first worker to send 300 emails");
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    // Dead for real: nothing more reaches the provider from it.
    const afterKill = standIn.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.requests.length - afterKill).toBeLessThanOrEqual(1);
    const acceptedAtKill = standIn.accepted.length;
    const stuck = await prisma.outboxEmail.count({ where: { status: "sending" } });

    const second = startWorkerProcess();
    await waitFor(
      async () => (await prisma.outboxEmail.count({ where: { status: { not: "sent" } } })) === 0,
      90_000,
      "every email to be sent",
    );
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));

    const recipients = standIn.accepted.flatMap((e) => e.to);
    expect(acceptedAtKill).toBeLessThan(1000);
    expect(stuck, "the kill should leave a batch in flight").toBeGreaterThan(0);
    expect(recipients).toHaveLength(1000);
    expect(new Set(recipients).size).toBe(1000);
    // The provider's ids recorded are the ones it handed out: nothing is unaccounted for.
    const providerIds = new Set((await prisma.outboxEmail.findMany({ select: { providerId: true } })).map((r) => r.providerId));
    expect(providerIds).toEqual(new Set(standIn.accepted.map((e) => e.id)));
  }, 180_000);
});

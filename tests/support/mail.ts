// Helpers for mail tests: queue test emails, and a worker pointed at the Resend stand-in.
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { createResendTransport } from "~/mail/resend.server";
import { createWorker, type WorkerOptions } from "~/mail/worker.server";
import type { ResendStandIn } from "./resend-stand-in";

export async function queueEmails(
  count: number,
  { prefix = "supporter", organisationId = null }: { prefix?: string; organisationId?: string | null } = {},
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await enqueueEmail(prisma, {
      dedupeKey: `test:${prefix}:${i}`,
      kind: "test",
      to: `${prefix}-${i}@example.org`,
      subject: `Hello ${i}`,
      html: `<p>Hello ${i}</p>`,
      text: `Hello ${i}`,
      organisationId,
    });
    ids.push(id);
  }
  return ids;
}

export function workerFor(standIn: ResendStandIn, options: Partial<WorkerOptions> = {}) {
  return createWorker({
    transport: createResendTransport("re_test_key", standIn.url),
    requestsPerSecond: 1000,
    batchSize: 100,
    maxAttempts: 5,
    leaseMs: 30_000,
    retryBaseMs: 10,
    pollMs: 10,
    ...options,
  });
}

/** Runs the worker until nothing is queued or sending, or the time is up. */
export async function drain(worker: ReturnType<typeof workerFor>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const handled = await worker.runOnce();
    if (handled === 0) {
      const pending = await prisma.outboxEmail.count({ where: { status: { in: ["queued", "sending"] } } });
      if (pending === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  throw new Error("The outbox did not drain in time");
}

export function acceptedRecipients(standIn: ResendStandIn): string[] {
  return standIn.accepted.flatMap((e) => e.to);
}

// The mail worker: claims due emails with a lease, sends them in batches at the provider's request
// rate, and records the outcome. Several workers may share a database: a batch belongs to whoever
// holds its lease, a lease left by a dead worker expires and is taken back, and a batch keeps its
// idempotency key for life, so the provider answers a repeat with the first result, not a new email.
import crypto from "node:crypto";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma.server/client";
import { env } from "~/env.server";
import { devMailboxTransport } from "~/mail/dev-mailbox.server";
import { createResendTransport } from "~/mail/resend.server";
import { readable, withoutAddresses } from "~/mail/outbox.server";
import type { OutgoingEmail, SendResult, Transport } from "~/mail/transport";
import { holdRequestsUntil, reserveRequestSlot } from "~/mail/pacing.server";
import { reportBackgroundError } from "~/background.server";

export interface WorkerOptions {
  transport: Transport;
  workerId?: string;
  requestsPerSecond: number;
  batchSize: number;
  maxAttempts: number;
  leaseMs: number;
  retryBaseMs: number;
  pollMs: number;
}

export function workerOptionsFromEnv(): WorkerOptions {
  const e = env();
  return {
    transport: e.RESEND_API_KEY ? createResendTransport(e.RESEND_API_KEY, process.env.RESEND_BASE_URL) : devMailboxTransport,
    requestsPerSecond: e.MAIL_REQUESTS_PER_SECOND,
    batchSize: e.MAIL_BATCH_SIZE,
    maxAttempts: e.MAIL_MAX_ATTEMPTS,
    leaseMs: e.MAIL_LEASE_SECONDS * 1000,
    retryBaseMs: e.MAIL_RETRY_BASE_SECONDS * 1000,
    pollMs: e.MAIL_POLL_MS,
  };
}

/** Exponential back-off with jitter: about base·2^(n-1), between half and all of it, at most an hour. */
export function backoffMs(attempt: number, baseMs: number, random = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3600_000);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

const dueOrExpired = (now: Date) => [
  { status: "queued", nextAttemptAt: { lte: now } },
  { status: "sending", leaseExpiresAt: { lt: now } },
];

const outgoing = {
  id: true,
  fromAddress: true,
  toAddress: true,
  replyTo: true,
  subject: true,
  html: true,
  text: true,
  headers: true,
  tags: true,
  attempts: true,
  batchKey: true,
  encrypted: true,
  // A confirmation is rendered as it is read (readable): from these, not from stored HTML.
  renderFrom: true,
  subjectId: true,
} as const;

export function createWorker(options: WorkerOptions) {
  const workerId = options.workerId ?? `worker-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  // A hair slower than the limit: a provider counting in a sliding window refuses a request that
  // lands exactly on its edge, and one 429 costs a whole second.
  const intervalMs = (1000 / options.requestsPerSecond) * 1.05;
  let nextRequestAt = 0;

  /** Takes a batch: first one that was tried before (it must be sent again exactly as it was), else a new one. */
  async function claim(): Promise<Array<OutgoingEmail & { attempts: number; batchKey: string | null; encrypted: boolean }>> {
    const now = new Date();
    const lease = { status: "sending", leaseOwner: workerId, leaseExpiresAt: new Date(now.getTime() + options.leaseMs) };

    const earlier = await prisma.outboxEmail.findFirst({
      where: { batchKey: { not: null }, OR: dueOrExpired(now) },
      orderBy: { nextAttemptAt: "asc" },
      select: { batchKey: true },
    });
    if (earlier?.batchKey) {
      const { count } = await prisma.outboxEmail.updateMany({
        where: { batchKey: earlier.batchKey, OR: dueOrExpired(now) },
        data: lease,
      });
      if (count === 0) return []; // another worker took it first
      return prisma.outboxEmail.findMany({
        where: { batchKey: earlier.batchKey, leaseOwner: workerId, status: "sending" },
        orderBy: { id: "asc" },
        select: outgoing,
      });
    }

    const due = await prisma.outboxEmail.findMany({
      where: { batchKey: null, status: "queued", nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: options.batchSize,
      select: { id: true },
    });
    if (due.length === 0) return [];
    const batchKey = crypto.randomUUID();
    await prisma.outboxEmail.updateMany({
      where: { id: { in: due.map((d) => d.id) }, batchKey: null, status: "queued" },
      data: { ...lease, batchKey },
    });
    return prisma.outboxEmail.findMany({ where: { batchKey, leaseOwner: workerId }, orderBy: { id: "asc" }, select: outgoing });
  }

  async function record(batch: Array<{ id: string; attempts: number }>, sendResult: SendResult) {
    const now = new Date();
    // The provider's words may quote an address: kept without it.
    const result = sendResult.ok ? sendResult : { ...sendResult, message: withoutAddresses(sendResult.message) };
    const ids = batch.map((e) => e.id);
    const mine = { id: { in: ids }, leaseOwner: workerId, status: "sending" };
    const release = { leaseOwner: null, leaseExpiresAt: null };

    if (result.ok) {
      const status = result.delivered ? "delivered" : "sent";
      // One statement for the whole batch: a hundred single-row updates would hold the next request back.
      // Typed values: PostgreSQL cannot tell a parameter's type inside a bare VALUES list.
      const pairs = Prisma.join(
        batch.map((email, i) => Prisma.sql`(CAST(${email.id} AS TEXT), CAST(${result.providerIds[i] ?? null} AS TEXT))`),
      );
      await prisma.$transaction([
        prisma.$executeRaw`WITH sent(id, provider_id) AS (VALUES ${pairs})
          UPDATE "OutboxEmail" SET
            "providerId" = (SELECT provider_id FROM sent WHERE sent.id = "OutboxEmail"."id"),
            "status" = ${status}, "attempts" = "attempts" + 1, "sentAt" = ${now},
            "deliveredAt" = ${result.delivered ? now : null}, "lastError" = NULL, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
          WHERE "id" IN (SELECT id FROM sent) AND "status" = 'sending'`,
        prisma.emailEvent.createMany({
          data: ids.map((emailId) => ({ emailId, type: result.delivered ? "dev-mailbox" : "sent", occurredAt: now })),
        }),
      ]);
      return;
    }

    if (result.kind === "rate-limited") {
      // Not the email's fault: no attempt counted, the same batch goes again after the wait.
      await prisma.outboxEmail.updateMany({
        where: mine,
        data: { ...release, status: "queued", nextAttemptAt: new Date(now.getTime() + result.retryAfterMs), lastError: result.message },
      });
      return;
    }

    const attempts = (batch[0]?.attempts ?? 0) + 1;
    const giveUp = result.kind === "permanent" || attempts >= options.maxAttempts;
    await prisma.$transaction([
      prisma.outboxEmail.updateMany({
        where: mine,
        data: giveUp
          ? { ...release, status: "failed", attempts, failedAt: now, lastError: result.message }
          : {
              ...release,
              status: "queued",
              attempts,
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, options.retryBaseMs)),
              lastError: result.message,
            },
      }),
      prisma.emailEvent.createMany({
        data: ids.map((emailId) => ({ emailId, type: giveUp ? "failed" : "retry", detail: result.message, occurredAt: now })),
      }),
    ]);
  }

  type Batch = Awaited<ReturnType<typeof claim>>;

  async function send(batch: Batch): Promise<SendResult> {
    // The slot is shared with every other worker: together they keep to the provider's rate.
    await sleep((await reserveRequestSlot(intervalMs)) - Date.now());
    nextRequestAt = Date.now() + intervalMs;
    const key = `${batch.length === 1 ? "email" : "batch"}-${batch[0]?.batchKey ?? batch[0]?.id}`;
    let result: SendResult;
    try {
      result = await options.transport.send(batch.map(readable), key);
    } catch (error) {
      result = { ok: false, kind: "retryable", message: error instanceof Error ? error.message : String(error) };
    }
    if (!result.ok && result.kind === "rate-limited") {
      nextRequestAt = Math.max(nextRequestAt, Date.now() + result.retryAfterMs);
      await holdRequestsUntil(nextRequestAt);
    }
    return result;
  }

  /** Sends one batch if one is due. Returns how many emails it handled. */
  async function runOnce(signal?: AbortSignal): Promise<number> {
    await sleep(nextRequestAt - Date.now(), signal);
    if (signal?.aborted) return 0;
    const batch = await claim();
    if (batch.length === 0) return 0;
    await record(batch, await send(batch));
    return batch.length;
  }

  /**
   * Runs until the signal aborts. The next batch is claimed while the current request is in flight,
   * so the time between two requests is the provider's limit, not our database's work.
   */
  async function run(signal: AbortSignal) {
    let next: Promise<Batch> | null = null;
    while (!signal.aborted) {
      try {
        await sleep(nextRequestAt - Date.now(), signal);
        if (signal.aborted) break;
        const batch: Batch = next ? await next : await claim();
        next = null;
        if (batch.length === 0) {
          await sleep(options.pollMs, signal);
          continue;
        }
        const sending = send(batch);
        next = claim();
        await record(batch, await sending);
      } catch (error) {
        // The claimed-ahead batch may have failed too: its emails come back when their lease ends.
        next?.catch(() => undefined);
        next = null;
        reportBackgroundError("mail worker", "claiming, sending or recording a batch", error);
        await sleep(options.pollMs, signal);
      }
    }
    // A batch claimed ahead and not sent goes back to the queue at once, not after its lease.
    if (next) {
      try {
        const unsent = await next;
        if (unsent.length) {
          await prisma.outboxEmail.updateMany({
            where: { id: { in: unsent.map((e) => e.id) }, leaseOwner: workerId, status: "sending" },
            data: { status: "queued", leaseOwner: null, leaseExpiresAt: null },
          });
        }
      } catch (error) {
        // Its emails are sent after their lease ends instead.
        reportBackgroundError("mail worker", "returning a batch claimed ahead to the queue on stop", error);
      }
    }
  }

  return { workerId, claim, runOnce, run };
}

/** Runs the worker until the returned function is called; used by the server and `npm run worker`. */
export function startMailWorker(options: WorkerOptions = workerOptionsFromEnv()) {
  const controller = new AbortController();
  const worker = createWorker(options);
  const done = worker.run(controller.signal).catch((error: unknown) => reportBackgroundError("mail worker", "stopping", error));
  console.log(`[mail worker] ${worker.workerId} sending through ${options.transport.name}`);
  return async () => {
    controller.abort();
    await done;
  };
}

// The outbox sends each email once, through the real resend SDK against a local stand-in of Resend.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueEmail, outboxOverview, retryFailedEmail } from "~/mail/outbox.server";
import { backoffMs } from "~/mail/worker.server";
import { createOrganisation } from "../support/factories";
import { acceptedRecipients, drain, queueEmails, workerFor } from "../support/mail";
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";

let standIn: ResendStandIn;
beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(() => standIn.stop());
beforeEach(async () => {
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedAddress.deleteMany();
  standIn.accepted.length = 0;
  standIn.requests.length = 0;
});

describe("enqueuing", () => {
  it("writes the email with the change that caused it, or not at all", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { dedupeKey: "rolled-back", kind: "test", to: "a@example.org", subject: "s", html: "<p>h</p>", text: "h" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it("keeps one email when the same thing is enqueued twice", async () => {
    const first = await enqueueEmail(prisma, {
      dedupeKey: "once",
      kind: "test",
      to: "A@Example.org",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
    });
    const second = await enqueueEmail(prisma, {
      dedupeKey: "once",
      kind: "test",
      to: "a@example.org",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
    });
    expect(second).toEqual({ id: first.id, created: false });
    expect(await prisma.outboxEmail.findMany({ select: { toAddress: true } })).toEqual([{ toAddress: "a@example.org" }]);
  });
});

describe("sending", () => {
  it("sends due emails as one batch request with an idempotency key, and records the provider's ids", async () => {
    await queueEmails(3);
    const worker = workerFor(standIn);
    await drain(worker);
    const posts = standIn.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ path: "/emails/batch", status: 200, emails: 3 });
    expect(posts[0]?.idempotencyKey).toMatch(/^batch-/);
    const rows = await prisma.outboxEmail.findMany({ orderBy: { toAddress: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(Math.abs(row.sentAt!.getTime() - Date.now())).toBeLessThan(60_000);
      expect(row.leaseOwner).toBeNull();
    }
    expect(new Set(rows.map((r) => r.providerId))).toEqual(new Set(standIn.accepted.map((a) => a.id)));
    const sent = standIn.accepted.find((a) => a.to[0] === "supporter-1@example.org");
    expect(sent).toMatchObject({ subject: "Hello 1", text: "Hello 1", html: "<p>Hello 1</p>" });
  });

  it("sends a single due email through the single-email endpoint", async () => {
    await queueEmails(1);
    await drain(workerFor(standIn));
    expect(standIn.requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/emails"]);
    expect(standIn.accepted).toHaveLength(1);
  });

  it("waits as long as a 429's retry-after says, then sends the same batch with the same key", async () => {
    await queueEmails(2);
    standIn.failNext(1, { status: 429, retryAfterSeconds: 1 });
    await drain(workerFor(standIn));
    const posts = standIn.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
    const rows = await prisma.outboxEmail.findMany();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("retries server errors and lost connections with back-off, and each email arrives once", async () => {
    await queueEmails(4);
    standIn.failNext(1, { status: 500 });
    standIn.failNext(1, { dropConnection: true });
    standIn.failNext(1, { status: 503 });
    await drain(workerFor(standIn));
    expect(acceptedRecipients(standIn).sort()).toEqual([0, 1, 2, 3].map((i) => `supporter-${i}@example.org`).sort());
    const rows = await prisma.outboxEmail.findMany({ include: { events: true } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 4)).toBe(true);
    expect(rows[0]!.events.filter((e) => e.type === "retry")).toHaveLength(3);
  });

  it("gives up after the attempt limit with the provider's reason, and an organiser can retry it", async () => {
    const { organisation } = await createOrganisation();
    const [id] = await queueEmails(1, { organisationId: organisation.id });
    standIn.failNext(3, { status: 500 });
    await drain(workerFor(standIn, { maxAttempts: 3 }));
    const failed = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.lastError).toMatch(/internal_server_error/);
    expect(standIn.accepted).toHaveLength(0);

    const overview = await outboxOverview(organisation.id);
    expect(overview.counts.failed).toBe(1);
    expect(overview.problems[0]).toMatchObject({ id, status: "failed" });

    expect(await retryFailedEmail(organisation.id, id!)).toBe(true);
    await drain(workerFor(standIn));
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } })).status).toBe("sent");
    expect(standIn.accepted).toHaveLength(1);
  });

  it("marks an email the provider refuses as failed at once, without retrying", async () => {
    await queueEmails(1);
    standIn.failNext(1, { status: 422, message: "Invalid `to` field." });
    await drain(workerFor(standIn));
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toContain("Invalid `to` field.");
  });

  it("does not send to a suppressed address, and says why", async () => {
    await prisma.suppressedAddress.create({ data: { address: "gone@example.org", reason: "hard_bounce" } });
    await enqueueEmail(prisma, { dedupeKey: "to-gone", kind: "test", to: "Gone@example.org", subject: "s", html: "<p>h</p>", text: "h" });
    await drain(workerFor(standIn));
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(row.status).toBe("suppressed");
    expect(row.lastError).toMatch(/hard bounce/);
    expect(standIn.accepted).toHaveLength(0);
  });

  it("keeps to the provider's request rate", async () => {
    const limited = await startResendStandIn({ requestsPerSecond: 2 });
    try {
      await queueEmails(5);
      await drain(workerFor(limited, { requestsPerSecond: 2, batchSize: 1 }));
      expect(limited.requests.filter((r) => r.status === 429)).toHaveLength(0);
      expect(limited.accepted).toHaveLength(5);
    } finally {
      await limited.stop();
    }
  });

  it("keeps to the provider's request rate with two workers together", async () => {
    const limited = await startResendStandIn({ requestsPerSecond: 2 });
    try {
      await queueEmails(8);
      // Each worker alone keeps to 2 a second; together they must too (the provider counts per key).
      await Promise.all([
        drain(workerFor(limited, { requestsPerSecond: 2, batchSize: 1 })),
        drain(workerFor(limited, { requestsPerSecond: 2, batchSize: 1 })),
      ]);
      expect(limited.requests.filter((r) => r.status === 429)).toHaveLength(0);
      expect(limited.accepted).toHaveLength(8);
    } finally {
      await limited.stop();
    }
  });

  it("lets two workers share the queue without sending anything twice", async () => {
    await queueEmails(250);
    const a = workerFor(standIn, { batchSize: 20 });
    const b = workerFor(standIn, { batchSize: 20 });
    await Promise.all([drain(a), drain(b)]);
    const recipients = acceptedRecipients(standIn);
    expect(recipients).toHaveLength(250);
    expect(new Set(recipients).size).toBe(250);
  });

  it("takes back a batch whose worker died after sending, and the repeat is not a second email", async () => {
    await queueEmails(3);
    const dead = workerFor(standIn, { leaseMs: 50 });
    const batch = await dead.claim();
    expect(batch).toHaveLength(3);
    // It sent, then died before recording anything.
    const { createResendTransport } = await import("~/mail/resend.server");
    await createResendTransport("re_test_key", standIn.url).send(batch, `batch-${batch[0]!.batchKey}`);
    expect(standIn.accepted).toHaveLength(3);

    await new Promise((r) => setTimeout(r, 80));
    await drain(workerFor(standIn));
    expect(standIn.accepted).toHaveLength(3);
    expect((await prisma.outboxEmail.findMany()).every((r) => r.status === "sent")).toBe(true);
  });
});

describe("back-off", () => {
  it("grows exponentially, with jitter, up to an hour", () => {
    expect(backoffMs(1, 1000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, () => 1)).toBe(8000);
    expect(backoffMs(30, 1000, () => 1)).toBe(3600_000);
  });
});

// POST /webhooks/resend: signed delivery events move an email forward, once; forgeries change nothing.
import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import * as webhook from "~/routes/webhooks.resend";
import { testContext } from "../support/factories";

const secret = vi.hoisted(() => {
  const value = `whsec_${Buffer.from("test-webhook-secret-32-bytes-long!!").toString("base64")}`;
  process.env.RESEND_WEBHOOK_SECRET = value;
  return value;
});

let email: { id: string; providerId: string };
beforeEach(async () => {
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedAddress.deleteMany();
  const { id } = await enqueueEmail(prisma, {
    dedupeKey: crypto.randomUUID(),
    kind: "letter",
    to: "embassy@example.org",
    subject: "s",
    html: "<p>h</p>",
    text: "h",
  });
  const providerId = crypto.randomUUID();
  await prisma.outboxEmail.update({ where: { id }, data: { status: "sent", providerId, sentAt: new Date() } });
  email = { id, providerId };
});

function deliveryEvent(type: string, data: Record<string, unknown> = {}) {
  return JSON.stringify({ type, created_at: new Date().toISOString(), data: { email_id: email.providerId, ...data } });
}

function post(body: string, { id = `msg_${crypto.randomUUID()}`, at = new Date(), key = secret } = {}) {
  const signature = new Webhook(key).sign(id, at, body);
  const request = new Request("http://localhost/webhooks/resend", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
    body,
  });
  return webhook.action({ request, params: {}, context: testContext }) as Promise<Response>;
}

const current = () => prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id }, include: { events: true } });

describe("Resend delivery webhooks", () => {
  it("applies a valid event: the email is delivered, with the event in its history", async () => {
    const response = await post(deliveryEvent("email.delivered"));
    expect(response.status).toBe(200);
    const row = await current();
    expect(row.status).toBe("delivered");
    expect(row.deliveredAt).not.toBeNull();
    expect(row.events.map((e) => e.type)).toContain("email.delivered");
  });

  it("refuses an event signed with another secret, and changes nothing", async () => {
    const forged = `whsec_${Buffer.from("someone-else-s-secret-32-bytes!!").toString("base64")}`;
    const response = await post(deliveryEvent("email.bounced", { bounce: { type: "Permanent" } }), { key: forged });
    expect(response.status).toBe(401);
    expect((await current()).status).toBe("sent");
    expect(await prisma.suppressedAddress.count()).toBe(0);
  });

  it("refuses a stale event (older than five minutes)", async () => {
    const response = await post(deliveryEvent("email.delivered"), { at: new Date(Date.now() - 10 * 60 * 1000) });
    expect(response.status).toBe(401);
    expect((await current()).status).toBe("sent");
  });

  it("refuses a body changed after signing", async () => {
    const id = `msg_${crypto.randomUUID()}`;
    const at = new Date();
    const signed = deliveryEvent("email.delivered");
    const signature = new Webhook(secret).sign(id, at, signed);
    const request = new Request("http://localhost/webhooks/resend", {
      method: "POST",
      headers: { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
      body: deliveryEvent("email.complained"),
    });
    const response = (await webhook.action({ request, params: {}, context: testContext })) as Response;
    expect(response.status).toBe(401);
    expect((await current()).status).toBe("sent");
  });

  it("applies a replayed event once, and answers it 2xx so Resend stops retrying", async () => {
    const body = deliveryEvent("email.delivery_delayed");
    const id = `msg_${crypto.randomUUID()}`;
    expect((await post(body, { id })).status).toBe(200);
    const replay = await post(body, { id });
    expect(replay.status).toBe(200);
    expect((await current()).events.filter((e) => e.type === "email.delivery_delayed")).toHaveLength(1);
  });

  it("never moves an email backwards: a late 'sent' or 'delayed' does not undo 'delivered'", async () => {
    expect((await post(deliveryEvent("email.delivered"))).status).toBe(200);
    expect((await post(deliveryEvent("email.sent"))).status).toBe(200);
    expect((await post(deliveryEvent("email.delivery_delayed"))).status).toBe(200);
    const row = await current();
    expect(row.status).toBe("delivered");
    expect(row.events.map((e) => e.type)).toEqual(expect.arrayContaining(["email.delivered", "email.sent", "email.delivery_delayed"]));
  });

  it("suppresses the address after a hard bounce: the next email to it is not sent, and says why", async () => {
    await post(deliveryEvent("email.bounced", { bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" } }));
    const row = await current();
    expect(row.status).toBe("bounced");
    expect(row.lastError).toBe("Mailbox does not exist");
    const next = await enqueueEmail(prisma, {
      dedupeKey: "after-bounce",
      kind: "letter",
      to: "embassy@example.org",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
    });
    const later = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: next.id } });
    expect(later.status).toBe("suppressed");
    expect(later.lastError).toMatch(/hard bounce/);
  });

  it("does not suppress after a soft (transient) bounce", async () => {
    await post(deliveryEvent("email.bounced", { bounce: { type: "Transient", message: "Mailbox full" } }));
    expect(await prisma.suppressedAddress.count()).toBe(0);
  });

  it("suppresses the address after a complaint", async () => {
    await post(deliveryEvent("email.complained"));
    expect(await prisma.suppressedAddress.findUnique({ where: { address: "embassy@example.org" } })).toMatchObject({ reason: "complaint" });
  });

  it("marks an email failed with the provider's reason", async () => {
    await post(deliveryEvent("email.failed", { failed: { reason: "reached_daily_quota" } }));
    expect(await current()).toMatchObject({ status: "failed", lastError: "reached_daily_quota" });
  });

  it("refuses an event whose date is not a date with 400, not a server error, and changes nothing", async () => {
    const response = await post(
      JSON.stringify({ type: "email.delivered", created_at: "not a date", data: { email_id: email.providerId } }),
    );
    expect(response.status).toBe(400);
    const row = await current();
    expect(row.status).toBe("sent");
    expect(row.events.map((e) => e.type)).not.toContain("email.delivered");
  });

  it("answers 2xx to event types the app does not use (opens, clicks), so Resend keeps the endpoint enabled", async () => {
    const response = await post(
      JSON.stringify({ type: "email.opened", created_at: new Date().toISOString(), data: { email_id: email.providerId } }),
    );
    expect(response.status).toBe(200);
    expect((await current()).events.map((e) => e.type)).not.toContain("email.opened");
  });

  it("refuses a body that is not an event with 400", async () => {
    expect((await post(JSON.stringify([1, 2, 3]))).status).toBe(400);
  });

  it("asks Resend to come back later for an email it does not know yet", async () => {
    const response = await post(
      JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: "unknown" } }),
    );
    expect(response.status).toBe(404);
  });

  it("answers 2xx for an unknown email once the event is over an hour old: not ours, so no day of retries", async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
    const response = await post(JSON.stringify({ type: "email.delivered", created_at: twoHoursAgo, data: { email_id: "someone-else-s" } }));
    expect(response.status).toBe(200);
  });
});

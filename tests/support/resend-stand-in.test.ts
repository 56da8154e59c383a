// The stand-in driven by the real `resend` SDK, unchanged.
import { Resend } from "resend";
import { afterEach, describe, expect, it } from "vitest";
import { startResendStandIn, type ResendStandIn, type StandInOptions } from "./resend-stand-in";

const running: ResendStandIn[] = [];

async function setup(options?: StandInOptions): Promise<{ standIn: ResendStandIn; resend: Resend }> {
  const standIn = await startResendStandIn(options);
  running.push(standIn);
  return { standIn, resend: new Resend("re_test_123", { baseUrl: standIn.url }) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const FROM = "Solidarity Letters <letters@example.org>";

function email(n: number) {
  return { from: FROM, to: `person${n}@example.com`, subject: `Letter ${n}`, text: `Hello ${n}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Resend stand-in, driven by the real SDK", () => {
  it("accepts a single send and returns an id", async () => {
    const { standIn, resend } = await setup();
    const result = await resend.emails.send({
      from: FROM,
      to: "ada@example.com",
      subject: "Hello",
      html: "<p>Hello</p>",
      text: "Hello",
      replyTo: "reply@example.org",
      headers: { "X-Case": "42" },
      tags: [{ name: "kind", value: "letter" }],
    });
    expect(result.error).toBeNull();
    const id = result.data?.id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0]).toMatchObject({
      id,
      from: FROM,
      to: ["ada@example.com"],
      subject: "Hello",
      html: "<p>Hello</p>",
      text: "Hello",
      reply_to: "reply@example.org",
      headers: { "X-Case": "42" },
      tags: [{ name: "kind", value: "letter" }],
      idempotencyKey: null,
    });
    expect(standIn.requests).toMatchObject([{ method: "POST", path: "/emails", status: 200, emails: 1 }]);
  });

  it("reads RESEND_BASE_URL when no baseUrl option is given", async () => {
    const standIn = await startResendStandIn();
    running.push(standIn);
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = standIn.url;
    try {
      const result = await new Resend("re_test_123").emails.send(email(1));
      expect(result.error).toBeNull();
      expect(standIn.accepted).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous;
    }
  });

  it("answers a batch of 3 with 3 ids in order", async () => {
    const { standIn, resend } = await setup();
    const result = await resend.batch.send([email(1), email(2), email(3)]);
    expect(result.error).toBeNull();
    const ids = result.data?.data.map((d) => d.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(standIn.accepted.map((e) => e.id)).toEqual(ids);
    expect(standIn.accepted.map((e) => e.to[0])).toEqual(["person1@example.com", "person2@example.com", "person3@example.com"]);
    expect(standIn.requests).toMatchObject([{ path: "/emails/batch", status: 200, emails: 3 }]);
  });

  it("accepts once and replays the same ids for a repeated idempotency key", async () => {
    const { standIn, resend } = await setup();
    const first = await resend.emails.send(email(1), { idempotencyKey: "letter/1" });
    const second = await resend.emails.send(email(1), { idempotencyKey: "letter/1" });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data?.id).toBe(first.data?.id);

    const batchA = await resend.batch.send([email(2), email(3)], { idempotencyKey: "batch/1" });
    const batchB = await resend.batch.send([email(2), email(3)], { idempotencyKey: "batch/1" });
    expect(batchB.data?.data).toEqual(batchA.data?.data);

    expect(standIn.accepted.map((e) => e.id)).toEqual([first.data?.id, ...(batchA.data?.data.map((d) => d.id) ?? [])]);
    expect(standIn.accepted[0]?.idempotencyKey).toBe("letter/1");
    expect(standIn.requests.map((r) => r.idempotencyKey)).toEqual(["letter/1", "letter/1", "batch/1", "batch/1"]);
  });

  it("refuses the same idempotency key with a different payload", async () => {
    const { standIn, resend } = await setup();
    await resend.emails.send(email(1), { idempotencyKey: "letter/1" });
    const result = await resend.emails.send(email(2), { idempotencyKey: "letter/1" });
    expect(result.data).toBeNull();
    expect(result.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(standIn.accepted).toHaveLength(1);
  });

  it("answers 409 concurrent_idempotent_requests while the first request is in progress", async () => {
    const { standIn, resend } = await setup({ delayMs: 150 });
    const [a, b] = await Promise.all([
      resend.emails.send(email(1), { idempotencyKey: "k" }),
      sleep(30).then(() => resend.emails.send(email(1), { idempotencyKey: "k" })),
    ]);
    expect(a.error).toBeNull();
    expect(b.error).toMatchObject({ statusCode: 409, name: "concurrent_idempotent_requests" });
    expect(standIn.accepted).toHaveLength(1);
  });

  it("has accepted the emails of a request whose client gave up during the delay", async () => {
    const { standIn, resend } = await setup({ delayMs: 200 });
    const aborted = await resend.batch.send([email(1), email(2)], { idempotencyKey: "b", signal: AbortSignal.timeout(50) });
    expect(aborted.error?.statusCode).toBeNull();
    expect(standIn.accepted).toHaveLength(2);

    await sleep(250); // the server has now finished answering the first request
    standIn.setDelay(0);
    const retry = await resend.batch.send([email(1), email(2)], { idempotencyKey: "b" });
    expect(retry.error).toBeNull();
    expect(retry.data?.data.map((d) => d.id)).toEqual(standIn.accepted.map((e) => e.id));
    expect(standIn.accepted).toHaveLength(2);
  });

  it("failNext 429 answers rate_limit_exceeded with retry-after, then recovers", async () => {
    const { standIn, resend } = await setup();
    standIn.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const result = await resend.emails.send(email(1));
    expect(result.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(result.headers?.["retry-after"]).toBe("7");
    expect(standIn.accepted).toHaveLength(0);

    const next = await resend.emails.send(email(1));
    expect(next.error).toBeNull();
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("failNext 500 answers internal_server_error", async () => {
    const { standIn, resend } = await setup();
    standIn.failNext(2, { status: 500 });
    const first = await resend.emails.send(email(1));
    const second = await resend.batch.send([email(2)]);
    expect(first.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect(second.error?.statusCode).toBe(500);
    expect(standIn.accepted).toHaveLength(0);
  });

  it("failNext 422 answers validation_error with the given message", async () => {
    const { resend, standIn } = await setup();
    standIn.failNext(1, { status: 422, message: "The domain is not verified." });
    const result = await resend.emails.send(email(1));
    expect(result.error).toEqual({ statusCode: 422, name: "validation_error", message: "The domain is not verified." });
  });

  it("dropConnection gives an error with statusCode null and accepts nothing", async () => {
    const { standIn, resend } = await setup();
    standIn.failNext(1, { dropConnection: true });
    const result = await resend.emails.send(email(1));
    expect(result.data).toBeNull();
    expect(result.error?.statusCode).toBeNull();
    expect(standIn.accepted).toHaveLength(0);
    expect(standIn.requests).toMatchObject([{ status: 0 }]);

    const next = await resend.emails.send(email(1));
    expect(next.error).toBeNull();
  });

  it("answers 429 beyond N requests in a second, with ratelimit headers", async () => {
    const { standIn, resend } = await setup({ requestsPerSecond: 3 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await resend.emails.send(email(i)));
    expect(results.map((r) => r.error?.statusCode ?? 200)).toEqual([200, 200, 200, 429, 429]);

    expect(results[0]?.headers).toMatchObject({ "ratelimit-limit": "3", "ratelimit-remaining": "2" });
    expect(results[2]?.headers?.["ratelimit-remaining"]).toBe("0");
    const limited = results[3];
    expect(limited?.error?.name).toBe("rate_limit_exceeded");
    expect(Number(limited?.headers?.["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(limited?.headers?.["ratelimit-remaining"]).toBe("0");
    expect(standIn.accepted).toHaveLength(3);

    await sleep(1050);
    const later = await resend.emails.send(email(9));
    expect(later.error).toBeNull();
  });

  it("serves inbound mail through emails.receiving.get", async () => {
    const { standIn, resend } = await setup();
    standIn.addReceivedEmail({
      id: "inbound-1",
      from: "Reader <reader@example.com>",
      to: ["letters@example.org"],
      subject: "Re: Letter 1",
      text: "Thank you",
      headers: { "in-reply-to": "<abc@example.org>" },
      message_id: "<xyz@example.com>",
    });
    const result = await resend.emails.receiving.get("inbound-1");
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({
      object: "email",
      id: "inbound-1",
      from: "Reader <reader@example.com>",
      to: ["letters@example.org"],
      subject: "Re: Letter 1",
      text: "Thank you",
      html: null,
      headers: { "in-reply-to": "<abc@example.org>" },
      message_id: "<xyz@example.com>",
      attachments: [],
    });

    const missing = await resend.emails.receiving.get("nope");
    expect(missing.error).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  it("requires a Bearer re_ key", async () => {
    const { standIn } = await setup();
    const bad = await new Resend("not-a-key", { baseUrl: standIn.url }).emails.send(email(1));
    expect(bad.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });

    const response = await fetch(`${standIn.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(email(1)),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect(standIn.accepted).toHaveLength(0);
  });

  it("validates emails and batch sizes", async () => {
    const { standIn, resend } = await setup();
    const noSubject = await resend.emails.send({ from: FROM, to: "a@example.com", subject: "", text: "x" });
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: "validation_error" });

    const tooMany = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`);
    const recipients = await resend.emails.send({ from: FROM, to: tooMany, subject: "s", text: "x" });
    expect(recipients.error?.statusCode).toBe(422);

    const big = await resend.batch.send(Array.from({ length: 101 }, (_, i) => email(i)));
    expect(big.error).toMatchObject({ statusCode: 422, name: "validation_error" });

    const oneBad = await resend.batch.send([email(1), { from: FROM, to: "b@example.com", subject: "s", text: "" }]);
    expect(oneBad.error?.message).toMatch(/emails\[1\]/);
    expect(standIn.accepted).toHaveLength(0);

    const permissive = await resend.batch.send([email(1), { from: FROM, to: "not an address", subject: "s", text: "x" }], {
      batchValidation: "permissive",
    });
    expect(permissive.error).toBeNull();
    expect(permissive.data?.data).toHaveLength(1);
    expect(permissive.data?.errors).toMatchObject([{ index: 1 }]);
    expect(standIn.accepted).toHaveLength(1);
  });

  it("takes 10,000 emails in batches of 100 quickly", async () => {
    const { standIn, resend } = await setup();
    const started = performance.now();
    for (let b = 0; b < 100; b++) {
      const result = await resend.batch.send(
        Array.from({ length: 100 }, (_, i) => email(b * 100 + i)),
        { idempotencyKey: `bench/${b}` },
      );
      expect(result.error).toBeNull();
    }
    const elapsed = performance.now() - started;
    expect(standIn.accepted).toHaveLength(10_000);
    expect(new Set(standIn.accepted.map((e) => e.id)).size).toBe(10_000);
    expect(elapsed).toBeLessThan(10_000);
  });
});

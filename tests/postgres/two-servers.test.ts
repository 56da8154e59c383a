// Two independent servers (two `npm start`, not one cluster) on one PostgreSQL database, as behind
// a load balancer: they share nothing but the database. A supporter or an attacker sent to either
// meets the same limits, and every email goes out exactly once, at the provider's pace, whichever
// server's worker takes it. (Run by `npm run test:postgres` only: a SQLite file is one machine's.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../e2e/support/app-server";
import { formStampIn, plainRequest } from "../e2e/support/plain-request";
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";
import { readTestDatabase } from "../support/test-database";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";
const MAIL_RATE = 10;

let standIn: ResendStandIn;
let first: AppServer;
let second: AppServer;

beforeAll(async () => {
  // The provider answers 429 past MAIL_RATE requests a second, counted over both servers.
  standIn = await startResendStandIn({ requestsPerSecond: MAIL_RATE });
  const env = {
    SIGN_RATE_LIMIT_PER_HOUR: "3",
    SIGN_MIN_FILL_SECONDS: "0",
    LOGIN_RATE_LIMIT_PER_15_MIN: "3",
    RESEND_API_KEY: "re_test_two_servers",
    RESEND_BASE_URL: standIn.url,
    APP_URL: "http://letters.test",
    MAIL_REQUESTS_PER_SECOND: String(MAIL_RATE),
    // Small batches: many requests, so both workers take their share.
    MAIL_BATCH_SIZE: "5",
  };
  first = await startAppServer({ env });
  second = await startAppServer({ env, databaseUrl: first.databaseUrl });
}, 180_000);
afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await standIn?.stop();
});

const request = (server: AppServer, path: string, form?: Record<string, string>) => plainRequest(server.baseUrl, path, form);

const servers = () => [first, second];

describe("two servers on one PostgreSQL database", () => {
  it("count the signing limit per address across both", async () => {
    const sign = async (server: AppServer, n: number) => {
      const page = await request(server, CAMPAIGN_PATH);
      const stamp = formStampIn(page.body);
      expect(stamp).toBeTruthy();
      return request(server, `${CAMPAIGN_PATH}?index`, {
        intent: "sign",
        formStartedAt: stamp!,
        website: "",
        name: `Two Servers ${n}`,
        email: `two-servers-${n}@example.org`,
        country: "BE",
      });
    };
    for (const n of [1, 2, 3]) {
      const answer = await sign(servers()[n % 2]!, n);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toContain("signed=check-email");
    }
    // The fourth, on either server, is one too many.
    for (const server of servers()) {
      const fourth = await sign(server, 4);
      expect(fourth.status).toBe(429);
      expect(fourth.body).toContain("Too many signatures from your connection");
    }
  });

  it("count failed logins for one account across both", async () => {
    const attempt = (server: AppServer, password: string) => request(server, "/login", { email: "organiser@example.org", password });
    for (let i = 0; i < 3; i++) expect((await attempt(servers()[i % 2]!, `wrong-${i}`)).status).toBe(400);
    // The right password is refused on both while the account is locked.
    for (const server of servers()) {
      const locked = await attempt(server, "solidarity-demo");
      expect(locked.status).toBe(429);
      expect(locked.body).toContain("Too many failed attempts");
    }
  });

  it("send every email exactly once, within the provider's rate, whichever server's worker takes it", async () => {
    // 120 emails queued at once (as a case update's fan-out would), besides the confirmations above;
    // each server runs its own mail worker, and both poll the same queue.
    const now = new Date();
    await readTestDatabase(first.databaseUrl, (db) =>
      db.transaction(async (tx) => {
        for (let i = 0; i < 120; i++) {
          await tx.run(
            `INSERT INTO "OutboxEmail" ("id", "dedupeKey", "kind", "fromAddress", "toAddress", "subject", "html", "text", "encrypted",
              "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, 'test', ?, ?, ?, '<p>Hello</p>', 'Hello', FALSE, 'queued', 0, ?, ?)`,
            `two-servers-${i}`,
            `two-servers:${i}`,
            "Solidarity letters <letters@example.org>",
            `reader-${i}@example.org`,
            `Update ${i}`,
            now,
            now,
          );
        }
      }),
    );
    const expected = [
      ...Array.from({ length: 120 }, (_, i) => `reader-${i}@example.org`),
      ...[1, 2, 3].map((n) => `two-servers-${n}@example.org`),
    ];
    const delivered = () => standIn.accepted.flatMap((email) => email.to);
    await expect.poll(() => expected.filter((to) => !delivered().includes(to)), { timeout: 60_000, interval: 250 }).toEqual([]);
    // A moment more: nothing arrives a second time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const counts = new Map<string, number>();
    for (const to of delivered()) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(expected.every((to) => counts.get(to) === 1)).toBe(true);
    // The two workers kept to the shared pace: the provider never had to say 429.
    expect(standIn.requests.filter((r) => r.status === 429)).toEqual([]);
  }, 90_000);
});

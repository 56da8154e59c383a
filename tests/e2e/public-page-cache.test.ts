// Public pages are rendered once every few seconds for anonymous visitors and served again from
// memory (app/serving/public-pages.server.ts). What a visitor must still get: their own CSP nonce and
// form stamp on every response, the count moving within the window, and never someone else's page:
// an organiser who is logged in sees their own navigation, and a visitor never sees it.
import crypto from "node:crypto";
import http from "node:http";
import { readTestDatabase } from "../support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/env.server";
import { resetKeysForTests, signerLinkToken } from "~/security/crypto.server";
import { startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";
const CACHE_SECONDS = 2;
const DATA_KEY = crypto.randomBytes(32).toString("base64");

let server: AppServer;
beforeAll(async () => {
  // The confirmation link's secret is derived with the server's key: this process uses the same one.
  process.env.DATA_KEY = DATA_KEY;
  delete process.env.DATA_HASH_KEY;
  resetEnvForTests();
  resetKeysForTests();
  server = await startAppServer({
    env: {
      PUBLIC_PAGE_CACHE_SECONDS: String(CACHE_SECONDS),
      SIGN_MIN_FILL_SECONDS: "0",
      DATA_KEY,
      SESSION_SECRET: crypto.randomBytes(32).toString("base64"),
    },
  });
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(path: string, options: { form?: Record<string, string>; cookie?: string } = {}): Promise<Answer> {
  const url = new URL(path, server.baseUrl);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: http.OutgoingHttpHeaders =
    body !== undefined ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } : {};
  if (options.cookie) headers.Cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body !== undefined ? "POST" : "GET", agent: false, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const stampOf = (page: string) =>
  page.match(/name="formStartedAt"[^>]*value="([^"]+)"/)?.[1] ?? page.match(/value="([^"]+)"[^>]*name="formStartedAt"/)?.[1];
const noncesOf = (page: string) => [...new Set([...page.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];
const countOf = (page: string) =>
  Number(page.match(/<strong>([\d,]+)<\/strong> (?:<!-- -->)?confirmed signatures?/)?.[1]?.replaceAll(",", ""));
const LOG_OUT_FORM = 'action="/logout"';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("public pages served again from memory", () => {
  it("gives every response its own nonce (in the page and the policy) and its own one-time form stamp", async () => {
    await request(CAMPAIGN_PATH);
    const first = await request(CAMPAIGN_PATH);
    const second = await request(CAMPAIGN_PATH);
    expect(first.headers["x-page-cache"]).toBe("hit");
    expect(second.headers["x-page-cache"]).toBe("hit");
    // No shared proxy may keep a copy: its stamp is good once.
    expect(first.headers["cache-control"]).toBe("private, no-cache");

    const [nonceA, nonceB] = [noncesOf(first.body), noncesOf(second.body)];
    expect(nonceA).toHaveLength(1);
    expect(nonceB).toHaveLength(1);
    expect(nonceA[0]).not.toBe(nonceB[0]);
    expect(first.headers["content-security-policy"]).toContain(`'nonce-${nonceA[0]}'`);
    expect(second.headers["content-security-policy"]).toContain(`'nonce-${nonceB[0]}'`);

    const [stampA, stampB] = [stampOf(first.body), stampOf(second.body)];
    expect(stampA).toBeTruthy();
    expect(stampB).toBeTruthy();
    expect(stampA).not.toBe(stampB);

    // Each copy's stamp is good for one signature: the second use of it is refused.
    const sign = (stamp: string, n: number) =>
      request(`${CAMPAIGN_PATH}?index`, {
        form: {
          intent: "sign",
          formStartedAt: stamp,
          website: "",
          name: `Cached Page ${n}`,
          email: `cached-${n}@example.org`,
          country: "BE",
        },
      });
    expect((await sign(stampA!, 1)).headers.location).toContain("signed=check-email");
    expect((await sign(stampB!, 2)).headers.location).toContain("signed=check-email");
    const replay = await sign(stampA!, 3);
    expect(replay.status).toBe(409);
    expect(replay.body).toContain("already sent once");
  });

  it(`shows a confirmed signature in the count within ${CACHE_SECONDS} seconds`, async () => {
    await request(CAMPAIGN_PATH);
    const before = countOf((await request(CAMPAIGN_PATH)).body);
    expect(Number.isInteger(before)).toBe(true);

    const stamp = stampOf((await request(CAMPAIGN_PATH)).body)!;
    const signed = await request(`${CAMPAIGN_PATH}?index`, {
      form: { intent: "sign", formStartedAt: stamp, website: "", name: "Counted Signer", email: "counted@example.org", country: "DE" },
    });
    expect(signed.status).toBe(302);
    // The link in the confirmation email: its secret is derived from the signature's id.
    const { id } = (await readTestDatabase(server.databaseUrl, (db) =>
      db.get<{ id: string }>(`SELECT "id" FROM "Signature" WHERE "status" = 'pending' ORDER BY "createdAt" DESC LIMIT 1`),
    ))!;
    const token = signerLinkToken(id);
    const confirmed = await request(`/s/${token}/confirm`, { form: {} });
    expect(confirmed.body).toContain("your signature counts");

    await pause(CACHE_SECONDS * 1000 + 200);
    const after = await request(CAMPAIGN_PATH);
    expect(countOf(after.body)).toBe(before + 1);
  });

  it("never gives a logged-in organiser the visitors' copy, nor a visitor the organiser's page", async () => {
    // The organiser opens the page first: their render must not be kept for visitors.
    const login = await request("/login", { form: { email: "organiser@example.org", password: "solidarity-demo" } });
    expect(login.status).toBe(302);
    const cookie = [login.headers["set-cookie"] ?? []]
      .flat()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toContain("__session=");

    for (const path of ["/", CAMPAIGN_PATH]) {
      const organiser = await request(path, { cookie });
      expect(organiser.status).toBe(200);
      // The organiser's log-out form (the word itself is also in every page's messages).
      expect(organiser.body).toContain(LOG_OUT_FORM);
      expect(organiser.headers["x-page-cache"]).toBeUndefined();
      for (let i = 0; i < 2; i++) {
        const visitor = await request(path);
        expect(visitor.body).not.toContain(LOG_OUT_FORM);
        expect(visitor.body).toContain('href="/login"');
      }
      // And after visitors filled the copy, the organiser still gets their own page.
      const again = await request(path, { cookie });
      expect(again.body).toContain(LOG_OUT_FORM);
      expect(again.headers["x-page-cache"]).toBeUndefined();
    }
  });

  it("keeps no copy of a page that is not public or that failed", async () => {
    await request("/campaigns/no-such-campaign");
    const missing = await request("/campaigns/no-such-campaign");
    expect(missing.status).toBe(404);
    expect(missing.headers["x-page-cache"]).toBeUndefined();
    await request("/login");
    expect((await request("/login")).headers["x-page-cache"]).toBeUndefined();
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvSchema } from "~/env.server";
import { contentSecurityPolicy, isCrossSiteWrite } from "~/security/http.server";

const base = { path: "/login", host: "localhost:3000" };

describe("cross-site writes", () => {
  it("refuses a form posted from another site", () => {
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "https://evil.example", secFetchSite: undefined })).toBe(true);
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: undefined, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "null", secFetchSite: undefined })).toBe(true);
  });
  it("lets our own forms, reads and signed webhooks through", () => {
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "http://localhost:3000", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteWrite({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    expect(isCrossSiteWrite({ ...base, path: "/webhooks/resend", method: "POST", origin: undefined, secFetchSite: "cross-site" })).toBe(
      false,
    );
    // A page with a no-referrer policy posts with "Origin: null"; the browser still says same-origin.
    expect(isCrossSiteWrite({ ...base, method: "POST", origin: "null", secFetchSite: "same-origin" })).toBe(false);
  });
});

describe("content security policy", () => {
  it("allows nothing from another origin, and inline scripts only with the nonce", () => {
    const { directives } = contentSecurityPolicy("abc");
    for (const [name, sources] of Object.entries(directives)) {
      for (const source of sources) expect(source, name).toMatch(/^'(self|none|nonce-abc)'$|^data:$/);
    }
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc'"]);
  });
});

describe("the pages' markup under that policy", () => {
  it("has no style attributes, which the policy would refuse to apply (classes in app/styles instead)", () => {
    // PDFs (react-pdf, *.server.tsx) style with objects; they are not HTML.
    const files = fs
      .readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".tsx") && !f.endsWith(".server.tsx") && !f.startsWith("generated"));
    const offenders = files.filter((f) => /\sstyle=\{/.test(fs.readFileSync(path.join("app", f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("the environment", () => {
  it("refuses real email without APP_URL, so links in emails never come from a request's Host header", () => {
    const refused = EnvSchema.safeParse({ RESEND_API_KEY: "re_live_key" });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain("Set APP_URL");
    expect(EnvSchema.safeParse({ RESEND_API_KEY: "re_live_key", APP_URL: "https://letters.example.org" }).success).toBe(true);
    // Offline, with the dev mailbox, links may follow the address the browser used.
    expect(EnvSchema.safeParse({}).success).toBe(true);
  });
});

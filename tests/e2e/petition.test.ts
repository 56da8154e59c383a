// A supporter signs in Chromium, with JavaScript on and off: finds the confirmation in the dev
// mailbox, confirms, sees the count go up by exactly one; then stops email and deletes their data
// from the links in the email. Every public page stays on the app's origin.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";

let server: AppServer;
let browser: Browser;
/** The demo organiser's page: only an organiser reads the dev mailbox. */
let mailbox: Page;
beforeAll(async () => {
  // Served as in production: one process per core (here two), the mail worker in the primary.
  [server, browser] = await Promise.all([startAppServer({ processes: 2 }), launchBrowser()]);
  mailbox = await demoOrganiserPage(browser, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The count as it is now. Visitors get the campaign page from each serving process's memory, up to
 * PUBLIC_PAGE_CACHE_SECONDS old (and the two processes' copies may differ within that window); a
 * request that carries a cookie is always rendered afresh. The page is left on the campaign page.
 */
async function signatureCount(page: Page): Promise<number> {
  await page.goto(CAMPAIGN_PATH);
  const html = await (await fetch(`${server.baseUrl}${CAMPAIGN_PATH}`, { headers: { cookie: "fresh=1" } })).text();
  const count = Number(html.match(/class="progress-label"><strong>([\d,]+)<\/strong>/)?.[1]?.replace(/,/g, ""));
  if (!Number.isInteger(count)) throw new Error("No signature count on the campaign page");
  return count;
}

/** Opens the newest email to this address in the dev mailbox (as the organiser) and returns its text part. */
async function emailTo(address: string): Promise<string> {
  const page = mailbox;
  await expect
    .poll(
      async () => {
        await page.goto("/dev/mailbox");
        return page.getByRole("row").filter({ hasText: address }).count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await page.getByRole("row").filter({ hasText: address }).first().getByRole("link").click();
  await page.locator("pre.email-text").waitFor();
  // The HTML part shows in its frame (its own policy lets the mailbox page frame it, styled).
  await page.frameLocator("iframe.email-frame").getByText("Solidarity letters", { exact: true }).waitFor({ timeout: 5_000 });
  return page.locator("pre.email-text").innerText();
}

function linkIn(text: string, kind: "confirm" | "unsubscribe" | "delete" | "send"): string {
  const url = text.match(new RegExp(`https?://\\S+/s/[A-Za-z0-9_-]+/${kind}`))?.[0];
  if (!url) throw new Error(`No ${kind} link in the email`);
  return new URL(url).pathname;
}

for (const javaScriptEnabled of [true, false]) {
  describe(`signing with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("signs, confirms from the email, and the count goes up by exactly one; then stop-email and delete work", async () => {
      const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled });
      const page = await context.newPage();
      const address = `supporter-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.org`;
      const before = await signatureCount(page);

      // A mistake first: the message sits beside the field and what was typed stays.
      await page.waitForTimeout(3100); // a person takes a few seconds to fill the form
      await page.getByLabel("Your name").fill("Aliya Test");
      await page.getByLabel("Your email").fill("not-an-email");
      await page.getByLabel("Your country").selectOption("BE");
      await page.getByRole("button", { name: "Sign the petition" }).click();
      await page.getByText(/Give an email address like name@example.org/).waitFor();
      expect(await page.getByLabel("Your name").inputValue()).toBe("Aliya Test");

      await page.getByLabel("Your email").fill(address);
      await page.getByLabel(/Show my first name/).check();
      await page.getByRole("button", { name: "Sign the petition" }).click();
      await page.getByText(/Check your inbox/).waitFor();
      expect(await signatureCount(page)).toBe(before);

      const text = await emailTo(address);
      await page.goto(linkIn(text, "confirm"));
      await page.getByRole("heading", { name: "Confirm your signature" }).waitFor();
      expect(await signatureCount(page)).toBe(before); // opening the link is not confirming
      await page.goto(linkIn(text, "confirm"));
      await page.getByRole("button", { name: "Confirm my signature" }).click();
      await page.getByRole("heading", { name: /your signature counts/ }).waitFor();
      // Visitors get the page rendered at most PUBLIC_PAGE_CACHE_SECONDS ago: the count moves within that.
      expect(await signatureCount(page)).toBe(before + 1);
      await expect
        .poll(
          async () => {
            await page.goto(CAMPAIGN_PATH);
            return page.locator(".signers").innerText();
          },
          { timeout: 15_000 },
        )
        .toContain("Aliya, Belgium");

      // Confirming again changes nothing.
      await page.goto(linkIn(text, "confirm"));
      await page.getByText(/already confirmed/).waitFor();
      expect(await signatureCount(page)).toBe(before + 1);

      await page.goto(linkIn(text, "unsubscribe"));
      await page.getByRole("button", { name: "Stop all email" }).click();
      await page.getByRole("heading", { name: "No more email" }).waitFor();

      await page.goto(linkIn(text, "delete"));
      await page.getByRole("button", { name: "Delete my data" }).click();
      await page.getByRole("heading", { name: "Your data is deleted" }).waitFor();
      // The name leaves the public page within PUBLIC_PAGE_CACHE_SECONDS; the confirmed count stays.
      await expect
        .poll(
          async () => {
            await signatureCount(page);
            return page.locator("body").innerText();
          },
          { timeout: 15_000 },
        )
        .not.toContain("Aliya, Belgium");
      expect(await signatureCount(page)).toBe(before + 1);
      await context.close();
    });
  });
}

describe("the campaign page on a phone", () => {
  it("puts signing and writing one tap away, above the people and the demands", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PATH);
    const sign = page.getByRole("link", { name: "Sign the petition" });
    expect(await sign.isVisible()).toBe(true);
    expect((await sign.boundingBox())!.y).toBeLessThan(740); // on the first screen
    await sign.click();
    await expect.poll(() => page.getByLabel("Your name").evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await page.goto(CAMPAIGN_PATH);
    await page.getByRole("link", { name: "Write your own letter" }).click();
    await page.getByRole("heading", { level: 1, name: "Write your own letter" }).waitFor();
    await context.close();
  });
});

describe("public pages", () => {
  it("load nothing from another origin, with no console errors", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    for (const path of ["/", "/cases/dck-supporters-2019", CAMPAIGN_PATH, `${CAMPAIGN_PATH}/write`, "/login"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
    }
    expect(requests.length).toBeGreaterThan(6);
    for (const url of requests) expect(url.startsWith(server.baseUrl), url).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

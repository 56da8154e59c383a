// On a 360 px phone: the home page leads with the live campaign; signing from it ends on a page
// that asks to share (links carrying the campaign's address with their channel) and to write;
// confirming from the dev mailbox shows the same next steps; a shared link's tag rides the form.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";

let server: AppServer;
let browser: Browser;
let mailbox: Page;
beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  mailbox = await demoOrganiserPage(browser, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function confirmLinkTo(address: string): Promise<string> {
  await expect
    .poll(
      async () => {
        await mailbox.goto("/dev/mailbox");
        return mailbox.getByRole("row").filter({ hasText: address }).count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await mailbox.getByRole("row").filter({ hasText: address }).first().getByRole("link").click();
  const text = await mailbox.locator("pre.email-text").innerText();
  const url = text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)?.[0];
  if (!url) throw new Error("No confirm link in the email");
  return new URL(url).pathname;
}

async function expectShareLinks(page: Page) {
  const campaignUrl = `${server.baseUrl}${CAMPAIGN_PATH}`;
  const href = async (name: string) => (await page.getByRole("link", { name }).getAttribute("href")) ?? "";
  const whatsapp = await href("Share on WhatsApp");
  expect(whatsapp.startsWith("https://wa.me/?text=")).toBe(true);
  expect(decodeURIComponent(whatsapp)).toContain(`${campaignUrl}?src=whatsapp`);
  const telegram = new URL(await href("Share on Telegram"));
  expect(telegram.origin + telegram.pathname).toBe("https://t.me/share/url");
  expect(telegram.searchParams.get("url")).toBe(`${campaignUrl}?src=telegram`);
  const email = await href("Share by email");
  expect(email.startsWith("mailto:?subject=")).toBe(true);
  expect(decodeURIComponent(email)).toContain(`${campaignUrl}?src=email`);
  expect(await page.getByLabel("The campaign's address").inputValue()).toBe(`${campaignUrl}?src=copy`);
  expect(await page.getByRole("link", { name: "Write your letter" }).getAttribute("href")).toBe(`${CAMPAIGN_PATH}/write`);
}

describe("growth on a phone", () => {
  it("home → campaign → sign → share page → confirm → share page, with tagged links", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto("/");
    const sign = page.getByRole("link", { name: /^Sign: / }).first();
    // The live campaign's button is on the first screen, not 2,600 px down.
    const box = await sign.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(740);
    await expect(page.locator(".campaign-card progress").count()).resolves.toBeGreaterThan(0);
    await sign.click();
    await page.waitForURL(`**${CAMPAIGN_PATH}#sign`);

    const address = `grower-${Date.now()}@example.org`;
    await page.waitForTimeout(3100); // a person takes a few seconds to fill the form
    await page.getByLabel("Your name").fill("Aliya Grow");
    await page.getByLabel("Your email").fill(address);
    await page.getByLabel("Your country").selectOption("BE");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.getByRole("heading", { name: "Thank you for signing" }).waitFor();
    await page.getByText(/Check your inbox/).waitFor();
    await expectShareLinks(page);

    // The copy button writes the tagged address to the clipboard.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    await page.getByRole("button", { name: "Copy the link" }).click();
    await page.getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.baseUrl}${CAMPAIGN_PATH}?src=copy`);

    await page.goto(await confirmLinkTo(address));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.getByRole("heading", { name: /your signature counts/ }).waitFor();
    await expectShareLinks(page);
    await context.close();
  });

  it("a shared link's channel goes into the sign form (allow-listed), without JavaScript too", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${CAMPAIGN_PATH}?src=telegram`);
    expect(await page.locator('#sign-form input[name="src"]').getAttribute("value")).toBe("telegram");
    await page.goto(`${CAMPAIGN_PATH}?src=somewhere-else`);
    expect(await page.locator('#sign-form input[name="src"]').count()).toBe(0);

    // Without JavaScript the share page has the address to select, and no dead copy button.
    await page.goto(`${CAMPAIGN_PATH}/share`);
    expect(await page.getByLabel("The campaign's address").inputValue()).toBe(`${server.baseUrl}${CAMPAIGN_PATH}?src=copy`);
    expect(await page.getByRole("button", { name: "Copy the link" }).count()).toBe(0);
    await context.close();
  });
});

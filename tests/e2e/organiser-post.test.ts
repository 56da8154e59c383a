// The organiser in Chromium: searches the targets directory (names of countries and tags, not
// codes), picks several targets at once for a campaign, is told why the letters cannot be printed
// for post, sees the signatures waiting for confirmation and the confirmation rate on the
// dashboard, and downloads the hand-in PDF (A4 pages, the organisation's name, totals per country).
// A visitor prints the public pages without the site's navigation and forms, and lands on the
// error summary after a failed submit.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN = "Free the people prosecuted under Article 405";
const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function sign(page: Page, email: string, country: string) {
  await page.goto(CAMPAIGN_PATH);
  await page.waitForTimeout(3100);
  await page.getByLabel("Your name").fill("Ainur Signer");
  await page.getByLabel("Your email").fill(email);
  await page.getByLabel("Your country").selectOption(country);
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await page.getByText(/Check your inbox/).waitFor();
}

/** Confirms from the dev mailbox, which only a logged-in organiser reads. */
async function confirmFromMailbox(page: Page, organiser: Page, email: string) {
  await expect
    .poll(
      async () => {
        await organiser.goto("/dev/mailbox");
        return organiser.getByRole("row").filter({ hasText: email }).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await organiser.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  const text = await organiser.locator("pre.email-text").innerText();
  const confirm = new URL(text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)![0]).pathname;
  await page.goto(confirm);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await page.getByRole("heading", { name: /your signature counts/ }).waitFor();
}

describe("an organiser's targets, letters for post, dashboard and hand-in PDF", () => {
  it("searches targets, picks several at once, sees unconfirmed signatures and downloads an A4 hand-in PDF", async () => {
    const page = await demoOrganiserPage(browser, server.baseUrl);
    // Two visitors sign: one from Germany confirms, one from Belgium does not (yet).
    const visitor = await browser.newContext({ baseURL: server.baseUrl });
    const visitorPage = await visitor.newPage();
    const confirmed = `confirmed-${Date.now()}@example.org`;
    await sign(visitorPage, confirmed, "DE");
    await confirmFromMailbox(visitorPage, page, confirmed);
    await sign(visitorPage, `waiting-${Date.now()}@example.org`, "BE");
    await visitor.close();

    // The directory: a search by name, countries and tags by their names.
    await page.goto("/admin/targets");
    await page.locator('input[name="q"]').fill("embassy");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/[?&]q=embassy/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.first().innerText()).toContain("Belgium");
    expect(await rows.first().innerText()).not.toMatch(/\bBE\b/);
    expect(await page.locator("body").innerText()).not.toContain("Hannah Neumann");
    const tagOptions = await page.locator('select[name="tag"]').locator("option").allInnerTexts();
    expect(tagOptions).toContain("Human rights subcommittee (DROI)");
    expect(tagOptions).not.toContain("droi");

    // Picking several targets at once for the campaign.
    await page.goto("/admin/campaigns");
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await page.getByRole("heading", { level: 1, name: CAMPAIGN }).waitFor();
    const campaignUrl = page.url();
    await page.getByRole("link", { name: "Pick targets by hand" }).click();
    await page.locator('select[name="tag"]').selectOption({ label: "Human rights subcommittee (DROI)" });
    await page.locator('select[name="country"]').selectOption({ label: "Germany" });
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/tag=droi/);
    const boxes = page.getByRole("checkbox");
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await page.getByRole("button", { name: "Save the ticks" }).click();
    await page.getByText("3 targets added to the campaign.").waitFor();
    await page.reload();
    await page.getByText(/^3 targets are picked by hand/).waitFor();
    await expect.poll(() => page.getByRole("checkbox", { checked: true }).count()).toBe(3);

    // Letters: none of the demo targets has a postal address, so no PDF for post is offered.
    await page.goto(campaignUrl);
    await page.getByRole("link", { name: "Letters", exact: true }).click();
    await page.getByRole("button", { name: "Generate letters" }).click();
    await page.getByText(/letters? generated/).waitFor();
    await page.getByText(/No letter can be printed for post yet: their targets have no postal address/).waitFor();
    expect(await page.getByRole("link", { name: /PDF for post/ }).count()).toBe(0);

    // The dashboard: the signature waiting for confirmation, and the confirmation rate.
    await page.goto(`${campaignUrl}/dashboard`);
    const waiting = page.locator(".dash-total").filter({ hasText: "Waiting for confirmation" });
    await waiting.waitFor();
    expect(await waiting.locator(".dash-number").innerText()).toBe("1");
    expect((await waiting.innerText()).replace(/\s+/g, " ")).toContain(
      "confirmation rate 50% of the 2 signatures given in the last 7 days",
    );
    await page.screenshot({ path: "/tmp/organiser-post-dashboard.png", fullPage: true });

    // The hand-in PDF: every page A4, the organisation, the count and the totals per country.
    await page.goto(`${campaignUrl}/signatures`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hand-in PDF" }).click()]);
    const pdf = new Uint8Array(fs.readFileSync((await download.path())!));
    const document = await getDocumentProxy(pdf);
    for (let n = 1; n <= document.numPages; n++) {
      expect((await document.getPage(n)).view.map(Math.round), `page ${n}`).toEqual([0, 0, 595, 842]);
    }
    const { text } = await extractText(document, { mergePages: false });
    const first = text[0]!.replace(/\s+/g, " ");
    expect(first).toContain("Handed in by Solidarity Network (demo)");
    expect(first).toContain("1 person signed this petition");
    expect(first).toMatch(/Signatures by country Germany 1/);
    await page.context().close();
  });
});

describe("the public pages", () => {
  it("print without navigation, forms and buttons, with each link's address; a failed submit focuses the error summary", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PATH);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Sign the petition" }).isVisible()).toBe(false);
    expect(await page.locator("form").first().isVisible()).toBe(false);
    const caseLink = page.getByRole("link", { name: "The whole case, with the source of every fact" });
    expect(await caseLink.isVisible()).toBe(true);
    const after = await caseLink.evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toContain("/cases/");
    expect(await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(255, 255, 255)");

    await caseLink.click();
    await page.waitForURL(/\/cases\//);
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await page.locator("h1").isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/organiser-post-case-print.png", fullPage: true });

    // A failed submit: the focus moves to the summary of what went wrong.
    await page.emulateMedia({ media: "screen" });
    await page.goto(CAMPAIGN_PATH);
    await page.waitForTimeout(3100);
    await page.getByLabel("Your email").fill("not an address");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.locator(".form-error").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? "")).toContain("form-error");
    await context.close();
  });
});

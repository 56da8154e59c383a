// The heart of the tool in Chromium: the demo Brussels section member generates the campaign's
// letters, previews one, edits it, approves and sends them all, and finds them in the dev mailbox
// addressed to the right targets.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const SECTION_MEMBER = { email: "brussels@example.org", password: "solidarity-demo" };
const CAMPAIGN = "Free the people prosecuted under Article 405";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(SECTION_MEMBER.email);
  await page.getByLabel("Password", { exact: true }).fill(SECTION_MEMBER.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}

describe("a section member's letters", () => {
  it("generates, previews, edits, sends, and finds every letter in the dev mailbox with the right recipient", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await logIn(page);

    await page.getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("heading", { level: 2, name: CAMPAIGN }).waitFor();
    await page.getByRole("link", { name: "Letters", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: `Letters: ${CAMPAIGN}` }).waitFor();
    expect(await page.getByText(/^Writing as/).innerText()).toContain("Writing as Brussels section");

    await page.getByRole("button", { name: "Generate letters" }).click();
    const notice = page.getByRole("status");
    await notice.waitFor();
    const generated = Number((await notice.innerText()).match(/^(\d+) letters? generated/)?.[1]);
    expect(generated).toBeGreaterThan(2);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(generated);

    // Preview one: the embassy in Belgium, in Russian (the first language it reads), with its people.
    await page
      .getByRole("link", { name: /Embassy of Kazakhstan in Belgium|Embassy of Kazakhstan/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /^Letter to / }).waitFor();
    const body = page.getByLabel("Letter", { exact: true });
    expect(await body.inputValue()).toMatch(/^Ваше Превосходительство!/);
    expect(await body.inputValue()).toContain("Oksana Shevchuk");

    // Edit it.
    await body.fill(`${await body.inputValue()}\n\nWritten by our Brussels volunteers.`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved. The letter is a draft again").waitFor();
    const editedRecipient = (await page.locator("dl.facts dd").nth(1).innerText()).trim();

    // Approve all and send.
    await page.getByRole("link", { name: /← Letters of/ }).click();
    await page.getByRole("button", { name: /^Approve all/ }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Approve \d+ letters?$/ })
      .click();
    await page.getByText(/letters? approved\./).waitFor();
    await page.getByRole("button", { name: /^Send approved/ }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Send \d+ letters?$/ })
      .click();
    await page.getByText(/letters? queued for sending/).waitFor();
    const sentText = await page.getByRole("status").innerText();
    const queued = Number(sentText.match(/^(\d+) letters? queued/)?.[1]);
    expect(queued).toBeGreaterThan(0);

    // The worker delivers to the dev mailbox, which the organisation's organiser reads.
    const mailbox = await demoOrganiserPage(browser, server.baseUrl);
    await expect
      .poll(
        async () => {
          await mailbox.goto("/dev/mailbox");
          return mailbox.locator("tbody tr").count();
        },
        { timeout: 20_000 },
      )
      .toBe(queued);
    const mailboxRecipients = (await mailbox.locator("tbody tr td:first-child").allInnerTexts()).map((t) => t.trim()).sort();
    expect(new Set(mailboxRecipients).size).toBe(queued);
    for (const address of mailboxRecipients) expect(address).toMatch(/@example\.org$/);
    expect(mailboxRecipients).toContain(editedRecipient);

    // The edited letter went out as edited, with its reply-to address.
    await mailbox.getByRole("row").filter({ hasText: editedRecipient }).getByRole("link").click();
    await mailbox.getByText("Written by our Brussels volunteers.").first().waitFor();
    expect(await mailbox.locator("dl.facts").innerText()).toMatch(/Reply to\s+reply\+[a-z0-9]+@/);
    await mailbox.context().close();
    await context.close();
  });
});

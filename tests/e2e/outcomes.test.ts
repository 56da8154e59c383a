// The organiser follows the campaign in Chromium: logs a postal answer to a letter, records a
// release and publishes it as a case update, sees both on the dashboard, and finds the update in
// the dev mailbox of a signer who asked for news.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN = "Free the people prosecuted under Article 405";
const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";
const SIGNER = `news-${Date.now()}@example.org`;

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signForNews(page: Page) {
  await page.goto(CAMPAIGN_PATH);
  await page.waitForTimeout(3100);
  await page.getByLabel("Your name").fill("Saule News");
  await page.getByLabel("Your email").fill(SIGNER);
  await page.getByLabel("Your country").selectOption("DE");
  await page.getByLabel(/Email me when something changes/).check();
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await page.getByText(/Check your inbox/).waitFor();
  // Only an organiser reads the dev mailbox.
  const mailbox = await demoOrganiserPage(browser, server.baseUrl);
  await expect
    .poll(
      async () => {
        await mailbox.goto("/dev/mailbox");
        return mailbox.getByRole("row").filter({ hasText: SIGNER }).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await mailbox.getByRole("row").filter({ hasText: SIGNER }).getByRole("link").click();
  const text = await mailbox.locator("pre.email-text").innerText();
  await mailbox.context().close();
  const confirm = new URL(text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)![0]).pathname;
  await page.goto(confirm);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await page.getByRole("heading", { name: /your signature counts/ }).waitFor();
}

describe("outcomes and the dashboard", () => {
  it("logs a postal answer, publishes a release, and sees both on the dashboard and in the signer's mailbox", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await signForNews(page);

    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill("organiser@example.org");
    await page.getByLabel("Password", { exact: true }).fill("solidarity-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();

    // Letters as the organisation: generate, approve, send.
    await page.getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: CAMPAIGN, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: CAMPAIGN }).waitFor();
    const campaignUrl = page.url();
    await page.getByRole("link", { name: "Letters", exact: true }).click();
    await page.getByRole("button", { name: "Generate letters" }).click();
    await page.getByText(/letters? generated/).waitFor();
    await page.getByRole("button", { name: /^Approve all/ }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Approve \d+ letters?$/ })
      .click();
    await page.getByText(/letters? approved/).waitFor();
    await page.getByRole("button", { name: /^Send approved/ }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Send \d+ letters?$/ })
      .click();
    await page.getByText(/queued for sending/).waitFor();

    // A postal answer from the embassy in Belgium.
    await page.getByRole("link", { name: "Embassy of Kazakhstan in Belgium" }).click();
    await page.getByRole("link", { name: /Log an answer/ }).click();
    await page.getByLabel("How it came").selectOption("post");
    await page.getByLabel("Who answered").fill("First Secretary of the Embassy");
    await page.getByLabel("Kind of answer").selectOption("commitment");
    await page.getByLabel("Summary").fill("The embassy will pass our letter to the Prosecutor General.");
    await page.getByRole("button", { name: "Save the answer" }).click();
    await page.getByText("The answer is saved.").waitFor();
    await page.getByText("The embassy will pass our letter to the Prosecutor General.").waitFor();

    // The release: recorded on the person, then published as a case update.
    await page.goto("/admin");
    await page.getByRole("link", { name: "Criminal prosecution of Democratic Choice of Kazakhstan supporters, 2019" }).click();
    await page.getByRole("link", { name: "Oksana Shevchuk" }).click();
    const status = page.getByRole("region", { name: "Record a status change" });
    await status.getByLabel("Status").selectOption("released");
    await status.getByLabel("Since").fill("2026-11-20");
    await status.getByLabel("Note").fill("Released from pre-trial detention.");
    await status.getByLabel("Source").selectOption({ index: 1 });
    await status.getByRole("button", { name: "Record status change" }).click();
    await page.getByText("Status change recorded.").waitFor();
    await page.getByRole("link", { name: /← Criminal prosecution/ }).click();
    await page.getByText("Publish the update", { exact: true }).first().click();
    await page.getByLabel("Title").last().fill("Oksana Shevchuk released");
    await page.getByLabel("What happened").first().fill("Oksana Shevchuk was released from pre-trial detention on 20 November 2026.");
    await page.getByLabel("The status change it reports").selectOption({ label: "Oksana Shevchuk: Released (20 November 2026)" });
    await page.getByRole("button", { name: "Publish the update" }).click();
    // Publishing asks first, with how many signers it emails.
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Publish and email \d+ (person|people)$/ })
      .click();
    await page
      .getByText(/“Oksana Shevchuk released” is published. It is being emailed to the signers and followers who asked for news/)
      .waitFor();

    // The dashboard shows the answer and the release side by side with the campaign's actions.
    await page.goto(`${campaignUrl}/dashboard`);
    await page.getByRole("heading", { level: 1, name: `Dashboard: ${CAMPAIGN}` }).waitFor();
    const answers = page.locator(".dash-total").filter({ hasText: "Answers" }).locator(".dash-number");
    expect(Number(await answers.innerText())).toBeGreaterThanOrEqual(1);
    const timeline = await page.locator(".dash-timeline").innerText();
    expect(timeline).toContain("Update published: “Oksana Shevchuk released”");
    expect(timeline).toContain("Oksana Shevchuk: Released");
    expect(timeline).toMatch(/letters sent/i);

    // The signer who asked for news has the update in the dev mailbox (queued by the worker, then sent).
    await expect
      .poll(
        async () => {
          await page.goto("/dev/mailbox");
          return page.getByRole("row").filter({ hasText: SIGNER }).filter({ hasText: "Oksana Shevchuk released" }).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await context.close();
  });
});

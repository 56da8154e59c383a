// A supporter in Germany writes to all of their targets at once in Chromium: one form, one email to
// them, one button on the page its link opens, and every letter lands in the dev mailbox, each to
// its own target.
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

/** The dev mailbox's rows (as the organiser): recipient and subject of every email. */
async function mailboxRows(): Promise<string[]> {
  await mailbox.goto("/dev/mailbox");
  return mailbox.locator("tbody tr").allInnerTexts();
}

async function emailTo(address: string): Promise<string> {
  await expect.poll(async () => (await mailboxRows()).filter((r) => r.includes(address)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await mailbox.getByRole("row").filter({ hasText: address }).first().getByRole("link").click();
  await mailbox.locator("pre.email-text").waitFor();
  return mailbox.locator("pre.email-text").innerText();
}

describe("a supporter's letters, in one step", () => {
  it("one confirmation sends a letter to each of a German supporter's targets", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    const address = `writer-${Date.now()}@example.org`;
    await page.goto(`${CAMPAIGN_PATH}/write`);
    await page.getByLabel("Your name").fill("Ana Peeters");
    await page.getByLabel("Your city").fill("Berlin");
    await page.getByLabel("Your country").selectOption("DE");
    await page.getByRole("button", { name: "Show my letters" }).click();
    const who = page.getByRole("group", { name: "Who gets a letter" });
    await who.waitFor();
    // The form posts: neither name nor city lands in the address bar, the history or a server log.
    expect(page.url()).not.toMatch(/Ana|Berlin|name=/);
    const boxes = who.getByRole("checkbox");
    const targets = (await who.locator("label").allInnerTexts()).map((t) => t.trim());
    expect(targets.length).toBeGreaterThan(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    // The letters speak in the writer's own voice.
    const firstLetter = await page.getByLabel("Letter", { exact: true }).first().inputValue();
    expect(firstLetter).toMatch(/I am writing/);
    expect(firstLetter).not.toMatch(/on behalf of/);

    await page.waitForTimeout(3100); // a person takes a few seconds to write
    await page.getByLabel("Your email").fill(address);
    await page.getByRole("button", { name: "Send my letters" }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();

    const before = await mailboxRows();
    const text = await emailTo(address);
    expect(text).toContain(`Your ${targets.length} letters are ready`);
    const sendPath = new URL(text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/send/)![0]).pathname;
    await page.goto(sendPath);
    await page.getByRole("heading", { name: `Send your ${targets.length} letters?` }).waitFor();
    const listed = (await page.getByRole("list", { name: "Your letters go to" }).getByRole("listitem").allInnerTexts()).map((t) =>
      t.trim(),
    );
    expect(listed.sort()).toEqual([...targets].sort());
    expect((await mailboxRows()).length).toBe(before.length); // opening the link sends nothing

    await page
      .getByRole("button", { name: `Send my ${targets.length} letters` })
      .first()
      .click();
    await page.getByRole("heading", { name: "Your letters are on their way" }).waitFor();
    await page.getByText(`${targets.length} letters sent, each as its own email.`).waitFor();
    // One email per target, none to the writer but the confirmation.
    await expect.poll(async () => (await mailboxRows()).length, { timeout: 20_000 }).toBe(before.length + targets.length);
    const rows = await mailboxRows();
    expect(rows.filter((r) => r.includes(address))).toHaveLength(1);

    // Pressing again (the back button, a second tab) sends nothing more.
    await page.goto(sendPath);
    await page.getByRole("heading", { name: "Your letters are on their way" }).waitFor();
    await page.getByText(/already sent; each goes once/).waitFor();
    expect((await mailboxRows()).length).toBe(before.length + targets.length);
    await context.close();
  });
});

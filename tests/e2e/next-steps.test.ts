// Everyone knows what to do next, in Chromium: a new section member accepts their invitation, lands
// on the overview, sees their section's letters to write and follows the link to generate them; the
// organiser sees the counts and follows "waiting for approval"; the template editor fits a phone and
// its preview follows typing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN = "Free the people prosecuted under Article 405";
const NEW_MEMBER = { email: "new-brussels-member@example.org", name: "Lea Brussels", password: "a long passphrase for lea" };

let server: AppServer;
let browser: Browser;
let organiser: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  organiser = await demoOrganiserPage(browser, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The path of the invitation link in the newest email to `address`, read in the dev mailbox. */
async function invitationPath(address: string): Promise<string> {
  const row = () => organiser.getByRole("row").filter({ hasText: address });
  await expect
    .poll(
      async () => {
        await organiser.goto("/dev/mailbox");
        return row().count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await row().first().getByRole("link").click();
  const text = await organiser.locator("pre.email-text").innerText();
  const path = text.match(/\/invitations\/[A-Za-z0-9_-]+/)?.[0];
  if (!path) throw new Error(`No invitation link in the email to ${address}:\n${text}`);
  return path;
}

describe("next steps on the overview", () => {
  it("a new section member accepts the invitation, sees 0 of N letters from their section, and follows the link to generate them", async () => {
    await organiser.goto("/admin/organisation");
    await organiser.getByLabel("Email", { exact: true }).fill(NEW_MEMBER.email);
    await organiser.getByLabel("Role").selectOption("section_member");
    await organiser.getByLabel("Section").selectOption({ label: "Brussels section (Brussels, BE)" });
    await organiser.getByRole("button", { name: "Email the invitation" }).click();
    await organiser.getByText(`Invitation emailed to ${NEW_MEMBER.email}.`).waitFor();
    const path = await invitationPath(NEW_MEMBER.email);

    const member = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await member.goto(path);
    await member.getByLabel("Your name").fill(NEW_MEMBER.name);
    await member.getByLabel("Choose a password").fill(NEW_MEMBER.password);
    await member.getByRole("button", { name: "Create my account" }).click();
    await member.waitForURL(/\/admin$/);
    await member.getByRole("heading", { level: 1, name: "Overview" }).waitFor();

    const step = member.locator("li").filter({ hasText: `${CAMPAIGN} is live:` });
    const text = await step.innerText();
    const target = Number(text.match(/0 of (\d+) letters? from your section/)?.[1]);
    expect(target, text).toBeGreaterThan(0);

    await step.getByRole("link", { name: "Generate letters" }).click();
    await member.getByRole("heading", { level: 1, name: `Letters: ${CAMPAIGN}` }).waitFor();
    await member.getByRole("button", { name: "Generate letters" }).click();
    await member.getByText(`${target} letter${target === 1 ? "" : "s"} generated.`).waitFor();

    await member.goto("/admin");
    await member.setViewportSize({ width: 360, height: 740 });
    await member.screenshot({ path: "/tmp/next-overview-member-360.png", fullPage: true });
    const after = await member
      .locator("li")
      .filter({ hasText: `${CAMPAIGN} is live:` })
      .innerText();
    expect(after).toContain(`${target} of ${target} letter`);
    expect(after).toContain("waiting for approval");
    await member.context().close();
  });

  it("the organiser sees the counts and follows the letters waiting for approval to the section's letters", async () => {
    await organiser.goto("/admin");
    await organiser.getByRole("heading", { level: 2, name: "What waits for you" }).waitFor();
    await organiser.screenshot({ path: "/tmp/next-overview-organiser-1280.png" });
    const waiting = organiser.locator('li[data-step="letters-draft"]');
    expect(await waiting.innerText()).toMatch(/\d+ letters? waiting for approval/);
    for (const key of ["signatures-today", "signatures-pending", "follow-ups", "answers", "replies-unfiled", "emails-failed"]) {
      expect(await organiser.locator(`li[data-step="${key}"]`).count(), key).toBe(1);
    }
    await waiting.getByRole("link", { name: new RegExp(`^${CAMPAIGN}, from Brussels section: \\d+$`) }).click();
    await organiser.waitForURL(/\/letters\?sender=/);
    expect(await organiser.getByText(/^Writing as/).innerText()).toContain("Brussels section");
    expect(await organiser.getByRole("button", { name: /^Approve/ }).isEnabled()).toBe(true);
  });
});

describe("the template editor", () => {
  async function openCampaign(page: Page) {
    await page.goto("/admin/campaigns");
    await page.getByRole("link", { name: CAMPAIGN, exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Letter templates" }).waitFor();
  }

  async function openTemplate(width: number, page = organiser) {
    await page.setViewportSize({ width, height: 740 });
    await openCampaign(page);
    await page.locator("main li").filter({ hasText: "EN" }).first().getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: /^Template: / }).waitFor();
  }

  it("at 360 px no field is taller than the screen or wider than the page, and the preview follows typing", async () => {
    await openTemplate(360);
    const fields = organiser.locator("main input:visible, main textarea:visible, main select:visible");
    expect(await fields.count()).toBeGreaterThan(5);
    for (const box of await fields.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeLessThan(740);
      expect(box.right).toBeLessThanOrEqual(360);
    }
    expect(await organiser.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await organiser.screenshot({ path: "/tmp/next-template-360.png" });

    const subject = `Typed subject ${Date.now().toString(36)} for {{ case.title }}`;
    await organiser.getByLabel("Subject", { exact: true }).fill(subject);
    const preview = organiser.getByRole("region", { name: "Preview" });
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain(subject.replace(" for {{ case.title }}", " for "));
    expect(await preview.innerText()).not.toContain("{{");
  });

  it("at 1280 px the fields keep their height beside the variables", async () => {
    await openTemplate(1280);
    const name = await organiser.getByLabel("Name", { exact: true }).boundingBox();
    expect(name?.height).toBeLessThan(60);
    await organiser.screenshot({ path: "/tmp/next-template-1280.png", fullPage: true });
  });

  it("without JavaScript, the Preview button shows the typed template and the fields keep it", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill("organiser@example.org");
    await page.getByLabel("Password", { exact: true }).fill("solidarity-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    await openTemplate(360, page);
    const subject = `Without scripts ${Date.now().toString(36)}`;
    await page.getByLabel("Subject", { exact: true }).fill(`${subject} {{ campaign.title }}`);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByRole("region", { name: "Preview" }).getByText(`${subject} ${CAMPAIGN}`).waitFor();
    expect(await page.getByLabel("Subject", { exact: true }).inputValue()).toBe(`${subject} {{ campaign.title }}`);
    await context.close();
  });

  it("says Saved. after saving, asks before deleting, and the campaign page says Template deleted.", async () => {
    await organiser.setViewportSize({ width: 1280, height: 800 });
    await openCampaign(organiser);
    await organiser.getByRole("link", { name: "Add a template" }).click();
    await organiser.getByLabel("Name", { exact: true }).fill("Short-lived template");
    await organiser.getByRole("button", { name: "Save template" }).click();
    await organiser.getByRole("status").getByText("Saved.").waitFor();
    await organiser.getByRole("button", { name: "Delete this template" }).click();
    const dialog = organiser.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Delete the template “Short-lived template”?" }).waitFor();
    await dialog.getByRole("button", { name: "Delete the template" }).click();
    await organiser.getByRole("status").getByText("Template deleted.").waitFor();
    expect(await organiser.getByRole("link", { name: "Short-lived template" }).count()).toBe(0);
  });
});

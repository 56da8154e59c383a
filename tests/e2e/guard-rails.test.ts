// Guard rails in Chromium, on the demo data. A section member reviews letters: filters the list,
// steps to the next and previous letter, edits a letter and presses Approve without saving (the
// edit is what is approved and sent), and every send asks first, naming its targets. An organiser
// publishes a case update to a real signer (with JavaScript, and without it sending the same form
// twice): it is published and emailed once, and the update list offers unpublish and delete.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN = "Free the people prosecuted under Article 405";
const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";
const CASE = "Criminal prosecution of Democratic Choice of Kazakhstan supporters, 2019";
const CASE_PATH = "/cases/dck-supporters-2019";
const SIGNER = `guard-rails-${Date.now()}@example.org`;

let server: AppServer;
let browser: Browser;
/** The demo organiser: reads the dev mailbox. */
let mailbox: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  mailbox = await demoOrganiserPage(browser, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("solidarity-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}

/** The dev mailbox rows to an address whose subject contains the text (as the organiser sees them). */
async function mailsTo(address: string, subject: string): Promise<number> {
  await mailbox.goto("/dev/mailbox");
  return mailbox.getByRole("row").filter({ hasText: address }).filter({ hasText: subject }).count();
}

describe("a section member reviewing letters", () => {
  it("filters, steps through the letters, approves an unsaved edit, and sends only after a question naming the target", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await logIn(page, "brussels@example.org");
    await page.getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "Letters", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: `Letters: ${CAMPAIGN}` }).waitFor();
    await page.getByRole("button", { name: "Generate letters" }).click();
    await page.getByText(/letters? generated/).waitFor();
    const allRows = await page.locator("tbody tr").count();

    // Filter by kind: only the officials, each with their position.
    await page.getByLabel("Kind").selectOption("official");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/kind=official/);
    await page.getByText(`of ${allRows} letters`).waitFor();
    const rows = page.locator("tbody tr");
    const officials = await rows.count();
    expect(officials).toBeGreaterThan(1);
    expect(officials).toBeLessThan(allRows);
    for (const text of await rows.allInnerTexts()) expect(text).toContain("Official");
    await page.getByRole("row").filter({ hasText: "President of the Republic of Kazakhstan" }).waitFor();

    // Step through the filtered letters: next, then previous, keeping the filter.
    const names = (await rows.locator("td:first-child a").allInnerTexts()).map((n) => n.trim());
    await page.getByRole("link", { name: names[0]!, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Letter to ${names[0]}` }).waitFor();
    expect(await page.getByText(`Letter 1 of ${officials} (filtered)`).count()).toBe(1);
    expect(await page.getByRole("link", { name: /^← Previous/ }).count()).toBe(0);
    await page.getByRole("link", { name: `Next: ${names[1]} →` }).click();
    await page.getByRole("heading", { level: 1, name: `Letter to ${names[1]}` }).waitFor();
    expect(page.url()).toContain("kind=official");
    await page.getByRole("link", { name: `← Previous: ${names[0]}` }).click();
    await page.getByRole("heading", { level: 1, name: `Letter to ${names[0]}` }).waitFor();

    // Edit, then press Approve without saving first: the edit is approved, and shown.
    const edit = "Written by our Brussels volunteers, approved without saving first.";
    const body = page.getByLabel("Letter", { exact: true });
    await body.fill(`${await body.inputValue()}\n\n${edit}`);
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText("Approved: the text above is the one that will be sent.").waitFor();
    expect(await page.locator("dl.facts").innerText()).toMatch(/Status\s+Approved/);
    expect(await body.inputValue()).toContain(edit);
    await page.reload();
    expect(await page.getByLabel("Letter", { exact: true }).inputValue()).toContain(edit);
    const recipient = (await page.locator("dl.facts dd").nth(1).innerText()).trim();
    expect(recipient).toMatch(/@example\.org$/);

    // Sending asks first, naming the target and its address; Cancel sends nothing.
    await page.getByRole("button", { name: "Send…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: `Send this letter to ${names[0]}?` }).waitFor();
    expect(await dialog.getByRole("listitem").allInnerTexts()).toEqual([`${names[0]} <${recipient}>`]);
    await dialog.getByRole("link", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(await page.locator("dl.facts").innerText()).toMatch(/Status\s+Approved/);
    await page.getByRole("button", { name: "Send…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send the letter" }).click();
    await page.getByText("The letter is queued for sending.").waitFor();

    // The letter that went out carries the edit.
    await expect.poll(() => mailsTo(recipient, ""), { timeout: 20_000 }).toBe(1);
    await mailbox.getByRole("row").filter({ hasText: recipient }).getByRole("link").click();
    await mailbox.getByText(edit).first().waitFor();

    // Sending all approved letters asks first too, listing each target with its address.
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
      .getByRole("heading", { name: /^Send \d+ letters\?$/ })
      .waitFor();
    const items = await page.getByRole("dialog").getByRole("listitem").allInnerTexts();
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item).toMatch(/ <[^>]+@example\.org>$/);
    expect(items.some((i) => i.includes("kz-president@example.org"))).toBe(true);
    await page.getByRole("dialog").getByRole("link", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    // Only the one letter sent above went out (the list says Queued until the provider takes it).
    expect(await page.getByRole("cell", { name: /· queued / }).count()).toBe(1);
    await context.close();
  });
});

describe("an organiser publishing a case update", () => {
  let signedUp: Promise<void> | undefined;
  /** One supporter who signed, asked for news and confirmed (once, for both tests). */
  const signUp = () => (signedUp ??= signUpForNews());
  async function signUpForNews() {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PATH);
    await page.waitForTimeout(3100); // a person takes a few seconds to fill the form
    await page.getByLabel("Your name").fill("Aliya Guard");
    await page.getByLabel("Your email").fill(SIGNER);
    await page.getByLabel("Your country").selectOption("BE");
    await page.getByLabel(/Email me when something changes/).check();
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await page.getByText(/Check your inbox/).waitFor();
    await expect.poll(() => mailsTo(SIGNER, ""), { timeout: 20_000 }).toBe(1);
    await mailbox.getByRole("row").filter({ hasText: SIGNER }).getByRole("link").click();
    const text = await mailbox.locator("pre.email-text").innerText();
    const confirm = text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)?.[0];
    expect(confirm).toBeTruthy();
    await page.goto(new URL(confirm!).pathname);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await page.getByRole("heading", { name: /your signature counts/ }).waitFor();
    await context.close();
  }

  async function openCase(page: Page) {
    await page.goto("/admin");
    await page.getByRole("link", { name: CASE }).click();
    await page.getByRole("heading", { level: 1, name: CASE }).waitFor();
  }

  /** The publish form (the case's own form has a Title field too). */
  const publishForm = (page: Page) => page.locator("details").filter({ has: page.locator("summary", { hasText: "Publish the update" }) });

  async function fillUpdate(page: Page, title: string) {
    await page.locator("summary", { hasText: "Publish the update" }).click();
    await publishForm(page).getByLabel("Title", { exact: true }).fill(title);
    await publishForm(page).getByLabel("What happened", { exact: true }).fill("The court released her on bail this morning.");
    const label = await publishForm(page)
      .getByText(/who asked for news of this case/)
      .innerText();
    return Number(label.match(/^Email ([\d,]+) (?:person|people) who asked for news/)?.[1]?.replace(/,/g, ""));
  }

  it("with JavaScript: asks with the number of signers, publishes once, clears the form, and unpublishes and deletes", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await signUp();
    await logIn(page, "organiser@example.org");
    await openCase(page);
    const title = "Guard rails: Aigul released (JS)";
    const audience = await fillUpdate(page, title);
    expect(audience).toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: "Publish the update", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const action = audience === 1 ? "Publish and email 1 person" : `Publish and email ${audience} people`;
    await dialog.getByRole("heading", { name: `${action}?` }).waitFor();
    expect(await dialog.getByRole("listitem").allInnerTexts()).toEqual([`“${title}”`]);
    await dialog.getByRole("button", { name: action }).click();
    await page.getByText(`“${title}” is published.`).waitFor();
    // The form is empty again: nothing left to press twice.
    expect(await publishForm(page).getByLabel("Title", { exact: true }).inputValue()).toBe("");
    expect(await publishForm(page).getByLabel("What happened", { exact: true }).inputValue()).toBe("");
    await expect.poll(() => mailsTo(SIGNER, title), { timeout: 20_000 }).toBe(1);

    // The update list: unpublish takes it off the public page, delete asks first.
    const listed = page.getByRole("listitem").filter({ hasText: title });
    expect(await listed.count()).toBe(1);
    await page.getByRole("button", { name: `Unpublish the update ${title}` }).click();
    await page.getByText(/The update is unpublished/).waitFor();
    const visitor = await context.newPage();
    await visitor.goto(CASE_PATH);
    expect(await visitor.getByText(title).count()).toBe(0);
    await page.getByRole("button", { name: `Delete the update ${title}` }).click();
    await page.getByRole("dialog").getByText(`“${title}”`, { exact: false }).waitFor();
    const remove = page.getByRole("dialog").getByRole("button", { name: "Delete the update" });
    expect(await remove.getAttribute("class")).toContain("danger");
    await remove.click();
    await page.getByText(`The update “${title}” is deleted.`).waitFor();
    expect(await page.getByRole("listitem").filter({ hasText: title }).count()).toBe(0);
    expect(await mailsTo(SIGNER, title)).toBe(1);
    await context.close();
  });

  it("without JavaScript: the same form sent twice publishes once and emails the signer once", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await signUp();
    await logIn(page, "organiser@example.org");
    await openCase(page);
    const title = "Guard rails: Aigul released (no JS)";
    expect(await fillUpdate(page, title)).toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: "Publish the update", exact: true }).click();
    // Without scripts the question is a section of the page, with the same words and buttons.
    const question = page.getByRole("dialog");
    await question.getByRole("heading", { name: /^Publish and email \d+ (person|people)\?$/ }).waitFor();
    const fields = await question
      .locator("input[type=hidden]")
      .evaluateAll((inputs) => inputs.map((i): [string, string] => [i.getAttribute("name") ?? "", i.getAttribute("value") ?? ""]));
    await question.getByRole("button", { name: /^Publish and email/ }).click();
    await page.getByText(`“${title}” is published.`).waitFor();
    expect(await publishForm(page).getByLabel("Title", { exact: true }).inputValue()).toBe("");

    // The confirmed form again, as a second press or a resent page would send it.
    const action = new URL(page.url()).pathname;
    // Built in the page, then pressed by Playwright (submitting from inside evaluate would race
    // the navigation against evaluate's own answer).
    await page.evaluate(
      ([target, values]) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = target;
        for (const [name, value] of values) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          form.append(input);
        }
        const button = document.createElement("button");
        button.type = "submit";
        button.textContent = "Send the same form again";
        form.append(button);
        document.body.append(form);
      },
      [action, fields] as const,
    );
    await page.getByRole("button", { name: "Send the same form again" }).click();
    await page.getByText(`“${title}” was already published from this form: nothing was published or emailed a second time.`).waitFor();
    expect(await page.getByRole("listitem").filter({ hasText: title }).count()).toBe(1);
    await expect.poll(() => mailsTo(SIGNER, title), { timeout: 20_000 }).toBe(1);
    await context.close();
  });
});

// A supporter in Germany writes to all of their targets at once in Chromium: one form, one email to
// them, one button on the page its link opens, and every letter lands in the dev mailbox, each to
// its own target. And the petition embedded on a partner's site (another origin, listed by the
// organisers) signs and counts once, while a site that is not listed cannot frame it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const CAMPAIGN_PATH = "/campaigns/free-the-article-405-prisoners";

let server: AppServer;
let browser: Browser;
let mailbox: Page;
/** Two other sites, each on its own port of 127.0.0.1 (another origin, and another site, than localhost). */
const partners: http.Server[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  mailbox = await demoOrganiserPage(browser, server.baseUrl);
});
afterAll(async () => {
  for (const partner of partners) partner.close();
  await browser?.close();
  await server?.stop();
});

/** A partner's page on another origin, with nothing but the snippet organisers copy (set once known). */
async function partnerSite(): Promise<{ origin: string; page: { snippet: string } }> {
  const page = { snippet: "" };
  const partner = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><title>Partner</title></head><body><h1>Our partner's page</h1>${page.snippet}</body></html>`,
    );
  });
  partners.push(partner);
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(partner.address() as AddressInfo).port}`, page };
}

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

    const text = await emailTo(address);
    // Counted once the confirmation is in: from here on only letters to the targets may arrive.
    const before = await mailboxRows();
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

describe("the petition embedded on another site", () => {
  it("signs from a listed site's page and counts once; an unlisted site cannot frame it", async () => {
    const [partner, strangerSite] = await Promise.all([partnerSite(), partnerSite()]);
    const listed = partner.origin;
    const unlisted = strangerSite.origin;
    // The organiser lists the partner's site and copies the snippet.
    await mailbox.goto("/admin/campaigns");
    await mailbox.getByRole("link", { name: "Free the people prosecuted under Article 405" }).click();
    await mailbox.getByLabel("Sites that may embed it").fill(listed);
    await mailbox.getByRole("button", { name: "Save the sites" }).click();
    await mailbox.getByText("The sites that may embed the petition are saved.").waitFor();
    const snippet = await mailbox.getByLabel(/Paste this into a listed site/).inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/campaigns\/free-the-article-405-prisoners\/embed"/);

    // The listed site serves the snippet; so does one that is not listed.
    partner.page.snippet = snippet;
    strangerSite.page.snippet = snippet;

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const address = `embedded-${Date.now()}@example.org`;
    const count = async () => {
      await mailbox.goto("/campaigns/free-the-article-405-prisoners");
      return Number((await mailbox.locator(".progress-label").innerText()).match(/^([\d,]+)/)![1]!.replace(/,/g, ""));
    };
    const before = await count();

    await page.goto(listed);
    const frame = page.frameLocator("iframe");
    await frame.getByLabel("Your name").waitFor();
    await page.waitForTimeout(3100); // a person takes a few seconds to fill the form
    await frame.getByLabel("Your name").fill("Aliya Embedded");
    await frame.getByLabel("Your email").fill(address);
    await frame.getByLabel("Your country").selectOption("BE");
    await frame.getByRole("button", { name: "Sign the petition" }).click();
    await frame.getByText(/Check your inbox: we sent you an email about your signature/).waitFor();
    // The thank-you is in the frame; its links open a new tab, which gets no handle on the partner's page.
    expect(page.url()).toBe(`${listed}/`);
    const out = frame.getByRole("link", { name: "Write your own letters too" });
    expect(await out.getAttribute("target")).toBe("_blank");
    expect(await out.getAttribute("rel")).toMatch(/noopener/);
    expect(errors).toEqual([]);

    // Confirmed from the email like any signature: it counts once.
    const text = await emailTo(address);
    const confirmPath = new URL(text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)![0]).pathname;
    const confirmPage = await context.newPage();
    await confirmPage.goto(`${server.baseUrl}${confirmPath}`);
    await confirmPage.getByRole("button", { name: "Confirm my signature" }).click();
    await confirmPage.getByRole("heading", { name: /your signature counts/ }).waitFor();
    expect(await count()).toBe(before + 1);

    // A site that is not listed gets a refused frame: no form in it.
    const refusals: string[] = [];
    const stranger = await context.newPage();
    stranger.on("console", (m) => refusals.push(m.text()));
    await stranger.goto(unlisted);
    await expect.poll(() => refusals.some((r) => /frame-ancestors/.test(r)), { timeout: 10_000 }).toBe(true);
    expect(await stranger.frameLocator("iframe").getByLabel("Your name").count()).toBe(0);
    // And the campaign page itself refuses every frame, even on the listed site.
    const framed = await context.newPage();
    const framedRefusals: string[] = [];
    framed.on("console", (m) => framedRefusals.push(m.text()));
    await framed.goto(listed);
    await framed.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      document.body.append(frame);
    }, `${server.baseUrl}/campaigns/free-the-article-405-prisoners`);
    await expect.poll(() => framedRefusals.some((r) => /frame-ancestors|X-Frame-Options/.test(r)), { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});

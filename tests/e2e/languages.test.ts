// Supporters read the public pages and their emails in their own language: picked from the browser's
// languages, changed by a plain link on every page, remembered; a German supporter without JavaScript
// signs in German and gets the German confirmation email.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languages } from "~/i18n/config";
import { demoOrganiserPage, launchBrowser, startAppServer, type AppServer } from "./support/app-server";

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

/** The visible text of a page: its messages' JSON and other scripts left out. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ");
}

/** A message key shown as it is: the mark of a message missing in a language. */
const MESSAGE_KEY_ON_SCREEN =
  /\b(layout|form|progress|personStatus|campaign|sign|errors|confirm|email|date|countries|caseView|follow|home|links|write|embed|send|errorPage)\.[A-Za-z0-9_.]+\b/;

const signButton: Record<string, string> = {
  en: "Sign the petition",
  de: "Petition unterschreiben",
  fr: "Signer la pétition",
  nl: "Teken de petitie",
  ru: "Подписать петицию",
  kk: "Петицияға қол қою",
};

describe("the campaign page in every language", () => {
  it.each(languages)("%s: the page's language, its words, alternates, and no message missing", async (language) => {
    const response = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}?lng=${language}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}"`);
    expect(visibleText(html)).toContain(signButton[language]);
    expect(visibleText(html)).not.toMatch(MESSAGE_KEY_ON_SCREEN);
    for (const other of languages)
      expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="${other}" href="[^"]+\\?lng=${other}"`, "i"));
    expect(html).toMatch(/hreflang="x-default"/i);
    // The link that picks a language is remembered for the next visit.
    expect(response.headers.get("set-cookie")).toMatch(/^lng=/);
  });

  const pagesInEveryLanguage = languages.flatMap((language) =>
    ["/", "/cases/dck-supporters-2019"].map((path) => [path, language] as const),
  );
  it.each(pagesInEveryLanguage)("%s in %s shows no message key", async (path, language) => {
    const response = await fetch(`${server.baseUrl}${path}?lng=${language}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}"`);
    expect(visibleText(html)).not.toMatch(MESSAGE_KEY_ON_SCREEN);
  });

  it.each(languages)("%s: the embed page and the write page, its letters shown for a country, show no message key", async (language) => {
    const embed = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}/embed?lng=${language}`);
    expect(embed.status).toBe(200);
    const embedHtml = await embed.text();
    expect(embedHtml).toContain(`<html lang="${language}"`);
    expect(visibleText(embedHtml)).toContain(signButton[language]);
    expect(visibleText(embedHtml)).not.toMatch(MESSAGE_KEY_ON_SCREEN);

    const write = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}/write?lng=${language}`);
    expect(visibleText(await write.text())).not.toMatch(MESSAGE_KEY_ON_SCREEN);
    // Without JavaScript the form posts to the page itself: the letters for Germany come back.
    const letters = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}/write?lng=${language}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
      body: new URLSearchParams({ intent: "draft", name: "Jonas Test", city: "Köln", country: "DE" }).toString(),
    });
    expect(letters.status).toBe(200);
    const lettersHtml = await letters.text();
    expect(lettersHtml).toContain(`<html lang="${language}"`);
    expect(lettersHtml).toContain('name="email"');
    expect(visibleText(lettersHtml)).not.toMatch(MESSAGE_KEY_ON_SCREEN);
  });

  it("a page that does not exist says so in the reader's language", async () => {
    const response = await fetch(`${server.baseUrl}/no-such-page?lng=ru`);
    expect(response.status).toBe(404);
    const text = visibleText(await response.text());
    expect(text).toContain("Страница не найдена");
    expect(text).toContain("Вернуться к делам");
  });

  it.each(["/login"])("%s in Russian shows no message key", async (path) => {
    const response = await fetch(`${server.baseUrl}${path}?lng=ru`);
    const html = await response.text();
    expect(html).toContain('<html lang="ru"');
    expect(visibleText(html)).not.toMatch(MESSAGE_KEY_ON_SCREEN);
  });
});

describe("choosing the language", () => {
  it("follows the browser's languages, then a remembered choice", async () => {
    const german = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}`, { headers: { "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" } });
    expect(await german.text()).toContain('<html lang="de"');
    const unknown = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}`, { headers: { "Accept-Language": "ja-JP" } });
    expect(await unknown.text()).toContain('<html lang="en"');
    const picked = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}?lng=kk`);
    const cookie = picked.headers.get("set-cookie")!.split(";")[0]!;
    const remembered = await fetch(`${server.baseUrl}${CAMPAIGN_PATH}`, { headers: { "Accept-Language": "de-DE", Cookie: cookie } });
    expect(await remembered.text()).toContain('<html lang="kk"');
  });
});

describe("signing in German without JavaScript", () => {
  it("shows German messages beside the fields, and the confirmation email and page are German", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PATH);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await page.waitForTimeout(3100); // a person takes a few seconds to fill the form

    await page.getByLabel("Ihr Name").fill("Jonas Test");
    await page.getByLabel("Ihre E-Mail-Adresse").fill("keine-adresse");
    await page.getByLabel("Ihr Land").selectOption("DE");
    await page.getByRole("button", { name: "Petition unterschreiben" }).click();
    await page.getByText("Bitte eine E-Mail-Adresse wie name@example.org angeben").waitFor();
    expect(await page.getByLabel("Ihr Name").inputValue()).toBe("Jonas Test");
    // Countries are named and ordered in German.
    expect(await page.getByLabel("Ihr Land").locator("option:checked").innerText()).toBe("Deutschland");

    const address = `unterstuetzer-${Date.now()}@example.org`;
    await page.getByLabel("Ihre E-Mail-Adresse").fill(address);
    await page.getByRole("button", { name: "Petition unterschreiben" }).click();
    await page.getByText(/Sehen Sie in Ihr Postfach/).waitFor();

    const mailbox = await demoOrganiserPage(browser, server.baseUrl);
    await expect
      .poll(
        async () => {
          await mailbox.goto("/dev/mailbox");
          return mailbox.getByRole("row").filter({ hasText: address }).count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const row = mailbox.getByRole("row").filter({ hasText: address }).first();
    expect(await row.innerText()).toContain("Bitte bestätigen Sie Ihre Unterschrift");
    await row.getByRole("link").click();
    const text = await mailbox.locator("pre.email-text").innerText();
    expect(text).toContain("Guten Tag,");
    expect(text).toContain("Keine E-Mails mehr von uns");
    const confirmPath = new URL(text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\/confirm/)![0]).pathname;

    await page.goto(confirmPath);
    await page.getByRole("heading", { name: "Unterschrift bestätigen" }).waitFor();
    await page.getByRole("button", { name: "Meine Unterschrift bestätigen" }).click();
    await page.getByRole("heading", { name: "Danke: Ihre Unterschrift zählt" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Bisher" }).innerText()).toMatch(
      /Bisher (hat|haben) [\d.]+ (Person|Menschen) unterschrieben\./,
    );
    await context.close();
  });

  it("switches language by a link on the page, which is remembered", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(CAMPAIGN_PATH);
    await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "Русский" }).click();
    await page.getByRole("link", { name: "Подписать петицию" }).first().waitFor();
    await page.goto(CAMPAIGN_PATH);
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    await context.close();
  });
});

// The foundation as people meet it in Chromium: a visitor reads a case, an organiser edits one (with
// and without JavaScript), nothing is loaded from another origin, small phones work, and a section
// member cannot reach the organiser pages. One production server with the demo data for the file.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const ORGANISER = { email: "organiser@example.org", password: "solidarity-demo" };
const SECTION_MEMBER = { email: "brussels@example.org", password: "solidarity-demo" };
const RED_YURT_SLUG = "red-yurt-almaty-2021";
const SHOTS_DIR = "/tmp/e2e-shots";

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.stop();
});

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, ...options });
  contexts.push(context);
  return context.newPage();
}

/** What a page did that a user (or their safety) would suffer from. */
function watch(page: Page) {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const pageErrors: string[] = [];
  const errorResponses: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) errorResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("requestfailed", (r) => failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  return { requests, consoleErrors, failedRequests, pageErrors, errorResponses };
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/admin$/);
  // With JavaScript the URL changes a moment before the new page is rendered: wait for the page itself.
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}

async function openEditPage(page: Page, caseTitle: string) {
  await page.getByRole("link", { name: caseTitle, exact: true }).click();
  await page.waitForURL(/\/admin\/cases\/[^/]+$/);
  await page.getByRole("heading", { level: 1, name: caseTitle, exact: true }).waitFor();
  return page.getByRole("region", { name: "Case details" });
}

describe("Solidarity letters in Chromium", () => {
  it("a visitor finds an active case on the home page and reads people, charges, timeline, demands and sources", async () => {
    const page = await newPage();
    const seen = watch(page);
    await page.goto("/");

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("People at risk for peaceful protest");
    // All five demo cases are active and listed, each as a heading with a link.
    await expect(page.locator(".case-list > li h2 a").count()).resolves.toBe(5);
    const redYurt = page.getByRole("heading", { level: 2, name: /Red Yurt/ }).getByRole("link");
    await expect(redYurt.textContent()).resolves.toBe("Red Yurt activists detained after the 6 July 2021 rally in Almaty");
    await redYurt.click();
    await page.waitForURL(`**/cases/${RED_YURT_SLUG}`);
    // The URL changes a moment before the client-side navigation renders the new page.
    await page.getByRole("heading", { level: 1, name: /Red Yurt activists detained/ }).waitFor();
    await page.waitForFunction(
      () => document.title === "Red Yurt activists detained after the 6 July 2021 rally in Almaty: Solidarity letters",
    );

    // People at risk, each with the current status as a badge.
    const sultanov = page.getByRole("region", { name: /Valikhan Sultanov/ });
    await expect(sultanov.locator("h3 .badge").textContent()).resolves.toBe("Released");
    await expect(sultanov.locator("h3 .badge").getAttribute("class")).resolves.toContain("badge-ok");
    const izbasarov = page.getByRole("region", { name: /Alimzhan Izbasarov/ });
    await expect(izbasarov.locator("h3 .badge").textContent()).resolves.toBe("Sentenced");
    await expect(
      page
        .getByRole("region", { name: /Yrysbek Toktasyn/ })
        .getByText("Special Prison for the Administratively Arrested")
        .count(),
    ).resolves.toBe(1);

    // The charge, with the article, the law and its source.
    await expect(izbasarov.getByRole("heading", { level: 4, name: "Charges" }).count()).resolves.toBe(1);
    const charge = izbasarov.locator("h4 + ul > li").first();
    await expect(charge.textContent()).resolves.toMatch(/Article 434 of the Administrative Code: Petty hooliganism.*Source: \[1\]/);

    // Sultanov's status history shows when he went into psychiatric detention.
    await sultanov.getByText("Status history").click();
    const history = sultanov.locator("details li");
    await expect(history.count()).resolves.toBe(3);
    const historyTexts = await history.allTextContents();
    expect(historyTexts.some((t) => t.startsWith("6 July 2021: In psychiatric detention"))).toBe(true);
    expect(historyTexts.some((t) => t.startsWith("14 July 2021: Released"))).toBe(true);

    // The timeline, in date order, with machine-readable dates.
    await expect(page.getByRole("heading", { level: 2, name: "What happened" }).count()).resolves.toBe(1);
    const times = page.locator("ol.timeline > li > time");
    await expect(times.count()).resolves.toBe(8);
    await expect(times.first().textContent()).resolves.toBe("6 July 2021");
    await expect(times.first().getAttribute("datetime")).resolves.toBe("2021-07-06");
    await expect(times.last().textContent()).resolves.toBe("14 July 2021");
    const allDates = await times.evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(allDates).toEqual([...allDates].sort());

    // What we ask.
    const demandsHeading = page.getByRole("heading", { level: 2, name: "What we ask" });
    await expect(demandsHeading.count()).resolves.toBe(1);
    const demands = page.locator("h2#demands + ul > li");
    await expect(demands.count()).resolves.toBe(4);
    await expect(demands.first().textContent()).resolves.toContain("Quash the administrative arrest of Alimzhan Izbasarov");

    // The numbered sources, and a fact's "Source: [1]" jumps to the first of them.
    await expect(page.getByRole("heading", { level: 2, name: "Sources" }).count()).resolves.toBe(1);
    const sources = page.locator("ol.sources-list > li");
    await expect(sources.count()).resolves.toBe(1);
    await expect(sources.first().textContent()).resolves.toContain("Red Yurt's day-by-day account of the 6 July rally");
    const firstRef = page.locator("ol.timeline .source-ref a").first();
    await expect(firstRef.textContent()).resolves.toMatch(/^\[1\] Red Yurt/);
    const target = await firstRef.getAttribute("href");
    expect(target).toBe(`#${await sources.first().getAttribute("id")}`);

    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
  });

  it("the organiser logs in, renames a case, and the public page shows the new title", async () => {
    const page = await newPage();
    const seen = watch(page);
    await logIn(page, ORGANISER);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Overview");
    await expect(page.getByText("Demo Organiser · ").count()).resolves.toBe(1);

    const details = await openEditPage(page, "Torture of Kosai Makhanbayev and detention of journalists, January 2022");
    const newTitle = `Torture of Kosai Makhanbayev: renamed ${Date.now().toString(36)}`;
    const title = details.getByLabel("Title", { exact: true });
    await title.fill(newTitle);
    await details.getByRole("button", { name: "Save case" }).click();

    const notice = page.getByRole("status");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe("The case is saved.");
    await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
    await expect(title.inputValue()).resolves.toBe(newTitle);

    await page.getByRole("link", { name: "See the public page" }).click();
    await page.waitForURL("**/cases/january-2022-torture-journalists");
    await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(newTitle);

    // A fresh load from the server (not only the client's cache) has it too, and so does the home page.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(newTitle);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 2, name: newTitle }).count()).resolves.toBe(1);

    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
  });

  it("without JavaScript, a blank title gets a message beside the field, what was typed is kept, and the fix saves", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await logIn(page, ORGANISER);
    const originalTitle = "Criminal case and travel ban against FIDU observer Daniyar Khassenov";
    const details = await openEditPage(page, originalTitle);

    const title = details.getByLabel("Title", { exact: true });
    const summary = details.getByLabel("Summary", { exact: true });
    const newSummary = `Daniyar Khassenov observed the June 2019 protests for FIDU; a criminal case and a travel ban followed. (edited ${Date.now()})`;
    await title.fill("");
    await summary.fill(newSummary);

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
      details.getByRole("button", { name: "Save case" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState("load");

    // The message is beside the Title field and tied to it for screen readers.
    const detailsAfter = page.getByRole("region", { name: "Case details" });
    const titleAfter = detailsAfter.getByLabel("Title", { exact: true });
    await expect(titleAfter.getAttribute("aria-invalid")).resolves.toBe("true");
    const titleError = detailsAfter.locator(".field", { has: page.getByLabel("Title", { exact: true }) }).locator(".field-errors");
    await expect(titleError.textContent()).resolves.toContain("Title");
    const describedBy = (await titleAfter.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await titleError.getAttribute("id"));
    await expect(detailsAfter.getByRole("alert").textContent()).resolves.toContain("Some fields need a correction");
    await expect(page.getByRole("status").count()).resolves.toBe(0);

    // Nothing typed is lost: the new summary, and the untouched fields.
    await expect(detailsAfter.getByLabel("Summary", { exact: true }).inputValue()).resolves.toBe(newSummary);
    await expect(titleAfter.inputValue()).resolves.toBe("");
    await expect(detailsAfter.getByLabel("Web address", { exact: true }).inputValue()).resolves.toBe("fidu-observer-khassenov");
    await expect(detailsAfter.getByLabel("Country", { exact: true }).inputValue()).resolves.toBe("KZ");
    await expect(detailsAfter.getByLabel("Status", { exact: true }).inputValue()).resolves.toBe("active");

    // Fix it and save.
    await titleAfter.fill(`${originalTitle} (no-JS edit)`);
    await Promise.all([page.waitForLoadState("load"), detailsAfter.getByRole("button", { name: "Save case" }).click()]);
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toBe("The case is saved.");
    await expect(page.locator(".field-errors").count()).resolves.toBe(0);

    await page.goto("/cases/fidu-observer-khassenov");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(`${originalTitle} (no-JS edit)`);
    await expect(page.locator("p.lead").textContent()).resolves.toBe(newSummary);
  });

  it("every request of the public pages and the login page stays on the app's origin, without errors", async () => {
    const page = await newPage();
    const seen = watch(page);
    for (const pathname of ["/", `/cases/${RED_YURT_SLUG}`, "/login"]) {
      const response = await page.goto(pathname, { waitUntil: "networkidle" });
      expect(response?.status(), pathname).toBe(200);
    }
    // The client-side navigation of a hydrated page must stay home too.
    await page.goto("/", { waitUntil: "networkidle" });
    await page
      .getByRole("heading", { level: 2, name: /Red Yurt/ })
      .getByRole("link")
      .click();
    await page.waitForURL(`**/cases/${RED_YURT_SLUG}`);
    await page.waitForLoadState("networkidle");

    expect(seen.requests.length).toBeGreaterThan(5);
    const offOrigin = seen.requests.filter((url) => !url.startsWith(`${server.baseUrl}/`));
    expect(offOrigin).toEqual([]);
    // The scripts were loaded (hydration happened), not blocked or upgraded to https.
    expect(seen.requests.some((url) => url.includes("/build/entry.client-"))).toBe(true);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.failedRequests).toEqual([]);
    expect(seen.errorResponses).toEqual([]);
    expect(seen.pageErrors).toEqual([]);

    // The favicon the pages point to is served from here.
    const iconHref = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(iconHref).toBe("/favicon.svg");
    const icon = await page.request.get(iconHref!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
    expect(await icon.text()).toContain("<svg");
  });

  it("at 360 px wide, the home page and a case page fit the screen", async () => {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const page = await newPage({ viewport: { width: 360, height: 800 } });
    for (const [pathname, shot] of [
      ["/", "home-360.png"],
      [`/cases/${RED_YURT_SLUG}`, "case-360.png"],
    ] as const) {
      await page.goto(pathname, { waitUntil: "networkidle" });
      const widths = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.viewport, pathname).toBe(360);
      expect(widths.document, `${pathname} scrolls sideways`).toBeLessThanOrEqual(360);
      expect(widths.body, `${pathname} scrolls sideways`).toBeLessThanOrEqual(360);
      const file = path.join(SHOTS_DIR, shot);
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }
  });

  it("a section member who opens the new-case page gets Not allowed (403)", async () => {
    const page = await newPage();
    await logIn(page, SECTION_MEMBER);
    await expect(page.getByText("Brussels Member · ").count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "New case" }).count()).resolves.toBe(0);

    const response = await page.goto("/admin/cases/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Not allowed");
    await expect(page.getByText("Only organisers of your organisation can do this.").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Create case" }).count()).resolves.toBe(0);
  });

  it("says on every page that this is a demo, and keeps admin and signer-link pages out of every cache", async () => {
    const page = await newPage();
    for (const path of ["/", `/cases/${RED_YURT_SLUG}`, "/login"]) {
      await page.goto(path);
      await expect(page.getByRole("note").textContent()).resolves.toMatch(/This is a demo/);
    }
    for (const path of ["/admin", "/admin/campaigns", "/dev/mailbox", "/s/some-token/confirm", "/s/some-token/delete"]) {
      const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    const home = await fetch(`${server.baseUrl}/`);
    expect(home.headers.get("cache-control")).not.toBe("no-store");
  });
});

// Going live, in a browser: a fresh production install (https APP_URL, its own secrets, no demo data)
// is set up with `npm run setup`; the owner chooses a password from the printed link, logs in and
// invites an organiser, who accepts, forgets their password and resets it from the emailed link,
// then sets up two-factor sign-in and logs in with password and code.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, startAppServer, type AppServer } from "./support/app-server";

const PUBLIC_URL = "https://letters.example.org";
const production = {
  APP_URL: PUBLIC_URL,
  SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
  DATA_KEY: crypto.randomBytes(32).toString("base64"),
  SEED_DEMO_DATA: "0",
};
const OWNER = { email: "owner@solidarity-almaty.example.org", password: "steppe river lantern quietly" };
const ORGANISER = {
  email: "organiser@solidarity-almaty.example.org",
  first: "mountain apple seven violins",
  second: "harbour candle winter orchard",
};

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  server = await startAppServer({ env: production });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A link printed or emailed with the public address, opened on the test server instead. */
const here = (url: string) => new URL(url).pathname;

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** The owner reads the organisation's mail in the dev mailbox (no provider is configured). */
async function linkInEmailTo(owner: Page, address: string, subject: string, path: RegExp): Promise<string> {
  const row = () => owner.getByRole("row").filter({ hasText: address }).filter({ hasText: subject });
  await expect
    .poll(
      async () => {
        await owner.goto("/dev/mailbox");
        return row().count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await row().first().getByRole("link").click();
  const text = await owner.locator("pre.email-text").innerText();
  const url = text.match(new RegExp(`https://letters\\.example\\.org${path.source}`))?.[0];
  if (!url) throw new Error(`No link in the email to ${address}:\n${text}`);
  return here(url);
}

describe("a fresh production install", () => {
  it("is set up from the command line, and its people log in, invite and reset passwords in the browser", async () => {
    // The home page of an empty production install says nothing of a demo.
    const owner = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await owner.goto("/");
    expect(await owner.getByText(/demo/i).count()).toBe(0);

    const setup = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/setup.ts", "--organisation", "Solidarity Almaty", "--email", OWNER.email, "--name", "Aida Owner"],
      {
        env: { ...process.env, ...production, NODE_ENV: "production", DATABASE_URL: server.databaseUrl },
        encoding: "utf8",
      },
    );
    expect(setup.status, setup.stderr).toBe(0);
    const setupLink = setup.stdout.match(/https:\/\/letters\.example\.org\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
    expect(setupLink, setup.stdout).toBeTruthy();

    // The owner chooses a password (a common one is refused beside the field) and logs in.
    await owner.goto(here(setupLink!));
    await owner.getByRole("heading", { name: "Welcome to Solidarity Almaty" }).waitFor();
    await owner.getByLabel("New password", { exact: true }).fill("password1234");
    await owner.getByLabel("The same password again").fill("password1234");
    await owner.getByRole("button", { name: "Set my password" }).click();
    await owner.getByText(/lists attackers try first/).waitFor();
    await owner.getByLabel("New password", { exact: true }).fill(OWNER.password);
    await owner.getByLabel("The same password again").fill(OWNER.password);
    await owner.getByRole("button", { name: "Set my password" }).click();
    await owner.getByText("Your password is set. Log in with it.").waitFor();
    await logIn(owner, OWNER.email, OWNER.password);
    await owner.waitForURL(/\/admin/);

    // The owner invites an organiser; the invitation goes by email.
    await owner.goto("/admin/organisation");
    await owner.getByLabel("Email", { exact: true }).fill(ORGANISER.email);
    await owner.getByLabel("Role").selectOption("organiser");
    await owner.getByRole("button", { name: "Email the invitation" }).click();
    await owner.getByText(`Invitation emailed to ${ORGANISER.email}.`).waitFor();
    const invitationPath = await linkInEmailTo(owner, ORGANISER.email, "invites you", /\/invitations\/[A-Za-z0-9_-]+/);

    const organiser = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await organiser.goto(invitationPath);
    await organiser.getByLabel("Your name").fill("Bek Organiser");
    await organiser.getByLabel("Choose a password").fill(ORGANISER.first);
    await organiser.getByRole("button", { name: "Create my account" }).click();
    await organiser.waitForURL(/\/admin/);

    // Later, on another device: the password is forgotten, and reset from the emailed link.
    const later = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await later.goto("/login");
    await later.getByRole("link", { name: "Forgot your password?" }).click();
    await later.getByRole("heading", { name: "Forgot your password?" }).waitFor();
    await later.getByLabel("Email", { exact: true }).fill(ORGANISER.email);
    await later.getByRole("button", { name: "Send me the link" }).click();
    await later.getByRole("heading", { name: "Check your inbox" }).waitFor();
    const resetPath = await linkInEmailTo(owner, ORGANISER.email, "Choose a new password", /\/reset-password\/[A-Za-z0-9_-]+/);
    await later.goto(resetPath);
    await later.getByLabel("New password", { exact: true }).fill(ORGANISER.second);
    await later.getByLabel("The same password again").fill(ORGANISER.second);
    await later.getByRole("button", { name: "Set my password" }).click();
    await later.getByText("Your password is set. Log in with it.").waitFor();

    // The first device's session ended with the reset; the old password no longer opens anything.
    await organiser.goto("/admin");
    await organiser.waitForURL(/\/login/);
    await logIn(later, ORGANISER.email, ORGANISER.first);
    await later.getByText("That email and password do not match an account.").waitFor();
    await logIn(later, ORGANISER.email, ORGANISER.second);
    await later.waitForURL(/\/admin/);

    // Two-factor sign-in: set up with the key shown beside the QR code, then asked at every log-in.
    await later.goto("/admin/account");
    await later.getByRole("link", { name: "Set up or change two-factor sign-in" }).click();
    await later.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const key = (await later.locator("code.totp-secret").innerText()).trim();
    expect(await later.locator(".qr-code svg").count()).toBe(1);
    await later.getByLabel("Code from the app").fill(await generate({ secret: key }));
    await later.getByRole("button", { name: "Switch two-factor sign-in on" }).click();
    await later.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    expect(await later.locator(".recovery-codes li").count()).toBe(10);

    const phone = await (await browser.newContext({ baseURL: server.baseUrl })).newPage();
    await logIn(phone, ORGANISER.email, ORGANISER.second);
    await phone.waitForURL(/\/login\/two-factor/);
    // The next step's code: the one used to switch it on is not taken twice.
    await phone.getByLabel("Code").fill(await generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await phone.getByRole("button", { name: "Log in" }).click();
    await phone.waitForURL(/\/admin/);
    await phone.getByRole("link", { name: "Your account" }).waitFor();
  });
});

// Going live with real accounts: the first owner from `npm run setup`, passwords people can change
// and reset, rules against guessable passwords, a lock-out strangers cannot trigger, invitations
// that can be sent again, and no way to learn whether an address has an account.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { safeRedirect } from "~/auth/redirect";
import { weakPasswordReason } from "~/auth/password-rules.server";
import { createOrganisationWithOwner } from "~/organisations/setup.server";
import { createInvitation } from "~/organisations/organisation.server";
import { readable } from "~/mail/outbox.server";
import * as forgot from "~/routes/forgot-password";
import * as reset from "~/routes/reset-password.$token";
import * as account from "~/routes/admin.account";
import * as login from "~/routes/login";
import * as invitation from "~/routes/invitations.$token";
import { TEST_PASSWORD, body, cookieFor, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.LOGIN_RATE_LIMIT_PER_15_MIN = "3";
});

const NEW_PASSWORD = "river lantern autumn quietly";

async function logIn(email: string, password: string, clientAddress = "203.0.113.1") {
  return (await settle(
    login.action({ request: request("/login", { form: { email, password } }), params: {}, context: { ...testContext, clientAddress } }),
  )) as Response;
}

/** The link in the newest email of this kind to this address. */
async function linkIn(kind: string, to: string, pattern: RegExp): Promise<string> {
  const rows = await prisma.outboxEmail.findMany({ where: { kind }, orderBy: { createdAt: "desc" } });
  const email = rows.map(readable).find((row) => row.toAddress === to);
  const found = email?.text.match(pattern)?.[1];
  if (!found) throw new Error(`No ${kind} email with a link to ${to}`);
  return found;
}

describe("password rules", () => {
  it("refuse short, blank, repetitive and common passwords, and accept a few unrelated words", () => {
    expect(weakPasswordReason(" ".repeat(12))).toMatch(/spaces/);
    expect(weakPasswordReason("aaaaaaaaaaaaaa")).toMatch(/different characters/);
    expect(weakPasswordReason("qwerty123456")).toMatch(/lists attackers try/);
    expect(weakPasswordReason("Password2024!")).toMatch(/lists attackers try/);
    expect(weakPasswordReason(NEW_PASSWORD)).toBeNull();
  });
});

describe("where a log-in leads", () => {
  it("only to a path on this site, whatever a crafted link says", () => {
    expect(safeRedirect("/admin/campaigns?x=1")).toBe("/admin/campaigns?x=1");
    for (const crafted of [
      "//evil.example",
      "/\t/evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/\n/evil.example",
      " /admin",
      null,
      "",
    ]) {
      expect(safeRedirect(crafted), JSON.stringify(crafted)).toBe("/admin");
    }
  });
});

describe("npm run setup", () => {
  it("makes an organisation and its owner, who chooses a password from a one-time link and logs in", async () => {
    const made = await createOrganisationWithOwner({ organisation: "Solidarity Almaty", email: "owner@almaty.example.org", name: "Aida" });
    if (!made.ok) throw new Error(made.message);
    // Nobody can log in before the link is used: the owner has no known password.
    expect((await logIn("owner@almaty.example.org", "solidarity-demo")).status).toBe(400);

    const page = await reset.loader({
      request: request(`/reset-password/${made.token}`),
      params: { token: made.token },
      context: testContext,
    });
    expect(page).toMatchObject({ purpose: "setup", email: "owner@almaty.example.org", organisationName: "Solidarity Almaty" });
    const weak = (await settle(
      reset.action({
        request: request(`/reset-password/${made.token}`, { form: { password: "password1234", confirm: "password1234" } }),
        params: { token: made.token },
        context: testContext,
      }),
    )) as Response;
    expect(weak.status).toBe(400);
    const set = (await settle(
      reset.action({
        request: request(`/reset-password/${made.token}`, { form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD } }),
        params: { token: made.token },
        context: testContext,
      }),
    )) as Response;
    expect(set.status).toBe(302);
    expect((await logIn("owner@almaty.example.org", NEW_PASSWORD)).status).toBe(302);
    // The link works once.
    const again = await settle(
      reset.loader({ request: request(`/reset-password/${made.token}`), params: { token: made.token }, context: testContext }),
    );
    expect(again).toBeInstanceOf(Response);
    expect((again as Response).status).toBe(404);

    // The same command adds a second organisation; an address with an account is refused.
    const second = await createOrganisationWithOwner({ organisation: "Solidarity Almaty", email: "other@almaty.example.org", name: "Bek" });
    expect(second.ok).toBe(true);
    const owners = await prisma.organisation.findMany({ where: { name: "Solidarity Almaty" }, select: { slug: true } });
    expect(new Set(owners.map((o) => o.slug)).size).toBe(2);
    expect((await createOrganisationWithOwner({ organisation: "X org", email: "owner@almaty.example.org", name: "Aida" })).ok).toBe(false);
  });
});

describe("forgot password", () => {
  it("answers the same for an account and for a stranger; only the account's owner gets a link, once an hour", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id, email: "forgetful@example.org" });
    const ask = async (email: string) => {
      const result = await forgot.action({ request: request("/forgot-password", { form: { email } }), params: {}, context: testContext });
      return { status: result.status, body: await result.json() };
    };
    const known = await ask("forgetful@example.org");
    const unknown = await ask("nobody-here@example.org");
    expect(known).toEqual(unknown);
    expect(known.body).toEqual({ sent: true, failure: null });
    expect(await prisma.outboxEmail.count({ where: { kind: "password-reset" } })).toBe(1);
    await ask("forgetful@example.org");
    expect(await prisma.outboxEmail.count({ where: { kind: "password-reset" } })).toBe(1);
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "password-reset" } });
    expect(email.organisationId).toBe(organisation.id);

    // The link sets a new password once and ends every session.
    const token = await linkIn("password-reset", "forgetful@example.org", /\/reset-password\/([A-Za-z0-9_-]+)/);
    const cookie = await cookieFor(user.id);
    const params = { token };
    const done = (await settle(
      reset.action({
        request: request(`/reset-password/${token}`, { form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD } }),
        params,
        context: testContext,
      }),
    )) as Response;
    expect(done.headers.get("Location")).toBe("/login?password=changed");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const stale = await settle(account.loader({ request: request("/admin/account", { cookie }), params: {}, context: testContext }));
    expect((stale as Response).status).toBe(302);
    expect((await logIn("forgetful@example.org", TEST_PASSWORD)).status).toBe(400);
    expect((await logIn("forgetful@example.org", NEW_PASSWORD)).status).toBe(302);
    const reused = (await settle(
      reset.action({
        request: request(`/reset-password/${token}`, { form: { password: "another river lantern", confirm: "another river lantern" } }),
        params,
        context: testContext,
      }),
    )) as Response;
    expect(reused.status).toBe(410);
  });
});

describe("changing one's password", () => {
  it("needs the current password, and ends every other session but this one", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const here = await cookieFor(user.id);
    await cookieFor(user.id); // a phone left logged in
    const change = (form: Record<string, string>) =>
      settle(account.action({ request: request("/admin/account", { cookie: here, form }), params: {}, context: testContext }));

    const wrong = (await change({ current: "not my password", password: NEW_PASSWORD, confirm: NEW_PASSWORD })) as Response;
    expect(wrong.status).toBe(400);
    expect(await body(wrong)).toMatchObject({ failure: { fieldErrors: { current: ["That is not your current password."] } } });
    const mismatch = (await change({ current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: "something else entirely" })) as Response;
    expect(await body(mismatch)).toMatchObject({ failure: { fieldErrors: { confirm: [expect.stringContaining("differ")] } } });

    const ok = (await change({ current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })) as Response;
    expect(await body(ok)).toEqual({ failure: null, changed: true });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const still = await account.loader({ request: request("/admin/account", { cookie: here }), params: {}, context: testContext });
    expect(still).toMatchObject({ email: user.email });
  });
});

describe("the lock-out", () => {
  it("stops a stranger guessing from one place without locking the organiser out elsewhere", async () => {
    const { organisation } = await createOrganisation();
    const owner = await createUser({ organisationId: organisation.id, role: "owner" });
    for (let i = 0; i < 3; i++) expect((await logIn(owner.email, `wrong guess ${i}`, "198.51.100.66")).status).toBe(400);
    expect((await logIn(owner.email, TEST_PASSWORD, "198.51.100.66")).status).toBe(429);
    // The owner, from their own connection, logs in as usual.
    expect((await logIn(owner.email, TEST_PASSWORD, "203.0.113.20")).status).toBe(302);
  });

  it("gives the same answer for an unknown address as for a wrong password", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const wrongPassword = await (await logIn(user.email, "not the password", "192.0.2.10")).json();
    const noAccount = await (await logIn("no-account-here@example.org", "not the password", "192.0.2.11")).json();
    expect(wrongPassword.formError).toBe(noAccount.formError);
  });
});

describe("invitations", () => {
  it("can be sent again to the same address: the new link works, the old one does not", async () => {
    const { organisation, section } = await createOrganisation();
    const owner = await createUser({ organisationId: organisation.id, role: "owner" });
    const invite = () =>
      createInvitation({
        organisationId: organisation.id,
        invitedBy: owner,
        data: { email: "twice@example.org", role: "section_member", sectionId: section.id },
        acceptUrl: (token) => `http://localhost/invitations/${token}`,
      });
    const first = await invite();
    const second = await invite();
    if (!("token" in first) || !first.token || !("token" in second) || !second.token) throw new Error("Invitations were not made.");
    const old = await settle(
      invitation.loader({ request: request(`/invitations/${first.token}`), params: { token: first.token }, context: testContext }),
    );
    expect((old as Response).status).toBe(404);
    const accepted = (await settle(
      invitation.action({
        request: request(`/invitations/${second.token}`, { form: { name: "Twice", password: NEW_PASSWORD } }),
        params: { token: second.token },
        context: testContext,
      }),
    )) as Response;
    expect(accepted.status).toBe(302);
  });

  it("says the same to the organiser when the address has an account elsewhere, and tells the address's owner by email", async () => {
    const elsewhere = await createOrganisation();
    await createUser({ organisationId: elsewhere.organisation.id, email: "taken@example.org" });
    const { organisation } = await createOrganisation();
    const owner = await createUser({ organisationId: organisation.id, role: "owner" });
    const made = await createInvitation({
      organisationId: organisation.id,
      invitedBy: owner,
      data: { email: "taken@example.org", role: "organiser", sectionId: null },
      acceptUrl: (token) => `http://localhost/invitations/${token}`,
    });
    expect("error" in made).toBe(false);
    const email = (await prisma.outboxEmail.findMany({ where: { kind: "invitation", organisationId: organisation.id } })).map(readable);
    expect(email).toHaveLength(1);
    expect(email[0]!.text).toContain("already has an account");
  });
});

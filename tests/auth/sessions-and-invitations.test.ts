// Logging in and out, server-side sessions, rate limits, and joining through an invitation.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getSessionUser } from "~/auth/session.server";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as invitation from "~/routes/invitations.$token";
import * as adminIndex from "~/routes/admin._index";
import { createInvitation } from "~/organisations/organisation.server";
import { TEST_PASSWORD, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

function cookieFrom(response: Response): string {
  return (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
}

describe("logging in", () => {
  it("logs in with the right password, with a session cookie that is httpOnly and SameSite=Lax", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id, email: "ana@example.org" });
    const response = (await settle(
      login.action({
        request: request("/login", { form: { email: "Ana@Example.org", password: TEST_PASSWORD } }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await getSessionUser(request("/admin", { cookie: cookieFrom(response) }));
    expect(me?.id).toBe(user.id);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("marks the session cookie Secure when the site is reached over HTTPS", async () => {
    const { organisation } = await createOrganisation();
    await createUser({ organisationId: organisation.id, email: "tls@example.org" });
    const form = new URLSearchParams({ email: "tls@example.org", password: TEST_PASSWORD });
    const overHttps = new Request("https://solidarity.example/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    const secure = (await settle(login.action({ request: overHttps, params: {}, context: testContext }))) as Response;
    expect(secure.headers.get("Set-Cookie")).toMatch(/; Secure/i);
    const overHttp = (await settle(
      login.action({
        request: request("/login", { form: { email: "tls@example.org", password: TEST_PASSWORD } }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(overHttp.headers.get("Set-Cookie")).not.toMatch(/; Secure/i);
  });

  it("says the email and password do not match, keeps the email typed, and never sends the password back", async () => {
    const { organisation } = await createOrganisation();
    await createUser({ organisationId: organisation.id, email: "bea@example.org" });
    const response = (await login.action({
      request: request("/login", { form: { email: "bea@example.org", password: "wrong password" } }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { formError: string; values: Record<string, string> };
    expect(payload.formError).toBe("That email and password do not match an account.");
    expect(payload.values.email).toBe("bea@example.org");
    expect(payload.values.password).toBeUndefined();
  });

  it("refuses a redirect to another site after login", async () => {
    const { organisation } = await createOrganisation();
    await createUser({ organisationId: organisation.id, email: "cem@example.org" });
    const response = (await settle(
      login.action({
        request: request("/login", { form: { email: "cem@example.org", password: TEST_PASSWORD, redirectTo: "//evil.example" } }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/admin");
  });

  it("stops password guessing after repeated failures, even with the right password", async () => {
    const { organisation } = await createOrganisation();
    await createUser({ organisationId: organisation.id, email: "dana@example.org" });
    const attempt = (password: string) =>
      settle(
        login.action({
          request: request("/login", { form: { email: "dana@example.org", password } }),
          params: {},
          context: { cspNonce: "n", clientAddress: "203.0.113.9" },
        }),
      ) as Promise<Response>;
    for (let i = 0; i < 10; i++) expect((await attempt(`guess ${i}`)).status).toBe(400);
    const blocked = await attempt(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { formError: string }).formError).toMatch(/Too many failed attempts/);
  });

  it("logs out on POST: the session row is gone and the old cookie no longer opens the admin", async () => {
    const { organisation } = await createOrganisation();
    await createUser({ organisationId: organisation.id, email: "eda@example.org" });
    const loggedIn = (await settle(
      login.action({
        request: request("/login", { form: { email: "eda@example.org", password: TEST_PASSWORD } }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    const cookie = cookieFrom(loggedIn);
    const sessionsBefore = await prisma.session.count();
    await logout.action({ request: request("/logout", { cookie, form: {} }), params: {}, context: testContext });
    expect(await prisma.session.count()).toBe(sessionsBefore - 1);
    const after = (await settle(
      adminIndex.loader({ request: request("/admin", { cookie }), params: {}, context: testContext }),
    )) as Response;
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("joining through an invitation", () => {
  it("shows the invitation on GET without using it, and makes the account on POST, once", async () => {
    const { organisation, section } = await createOrganisation("Amnesty demo");
    const owner = await createUser({ organisationId: organisation.id, role: "owner" });
    const made = await createInvitation({
      organisationId: organisation.id,
      invitedBy: owner,
      data: { email: "new.member@example.org", role: "section_member", sectionId: section.id },
      acceptUrl: (token) => `http://localhost/invitations/${token}`,
    });
    if (!("token" in made) || !made.token) throw new Error("No invitation was made.");
    const params = { token: made.token };

    // The invitee gets an email with the link; it goes through the outbox.
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "invitation", toAddress: "new.member@example.org" } });
    expect(email.text).toContain(`http://localhost/invitations/${made.token}`);
    expect(email.subject).toContain("Amnesty demo");

    const page = await invitation.loader({ request: request(`/invitations/${made.token}`), params, context: testContext });
    expect(page.invitation.email).toBe("new.member@example.org");
    expect(await prisma.user.count({ where: { email: "new.member@example.org" } })).toBe(0);

    const tooShort = (await invitation.action({
      request: request(`/invitations/${made.token}`, { form: { name: "Nur", password: "short" } }),
      params,
      context: testContext,
    })) as Response;
    expect(tooShort.status).toBe(400);
    const failure = (await tooShort.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.password).toEqual(["Use at least 12 characters (a few unrelated words are easy to remember)."]);
    expect(failure.values.name).toBe("Nur");

    const accepted = (await settle(
      invitation.action({
        request: request(`/invitations/${made.token}`, { form: { name: "Nur", password: "a long enough password" } }),
        params,
        context: testContext,
      }),
    )) as Response;
    expect(accepted.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.member@example.org" } });
    expect(user).toMatchObject({ role: "section_member", sectionId: section.id, organisationId: organisation.id });

    const again = (await settle(
      invitation.action({
        request: request(`/invitations/${made.token}`, { form: { name: "Someone", password: "another long password" } }),
        params,
        context: testContext,
      }),
    )) as Response;
    expect(again.status).toBe(410);
    const reopened = (await settle(
      invitation.loader({ request: request(`/invitations/${made.token}`), params, context: testContext }),
    )) as Response;
    expect(reopened.status).toBe(404);
  });
});

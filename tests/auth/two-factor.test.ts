// Two-factor sign-in: switched on only by a working first code; after it, the password alone opens
// nothing; wrong codes are counted; a recovery code works once; an owner can require it for all.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { decrypt } from "~/security/crypto.server";
import * as login from "~/routes/login";
import * as secondStep from "~/routes/login_.two-factor";
import * as twoFactorPage from "~/routes/admin.account_.two-factor";
import * as organisationPage from "~/routes/admin.organisation";
import * as campaigns from "~/routes/admin.campaigns._index";
import { TEST_PASSWORD, body, cookieFor, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

const cookieOf = (response: Response, name: string) =>
  (response.headers.get("Set-Cookie") ?? "")
    .split(/,(?=\s*__)/)
    .map((c) => c.trim().split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));

async function secretOf(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecretEnc: true } });
  return decrypt(user.totpSecretEnc!);
}

/** A code for a given moment: a different step from "now", so that it was not used before. */
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + seconds });

async function enrol(userId: string): Promise<{ secret: string; recoveryCodes: string[]; cookie: string }> {
  const cookie = await cookieFor(userId);
  const call = (form: Record<string, string>) =>
    settle(twoFactorPage.action({ request: request("/admin/account/two-factor", { cookie, form }), params: {}, context: testContext }));
  await call({ intent: "start" });
  const secret = await secretOf(userId);
  const wrong = (await call({ intent: "confirm", code: "000000" })) as Response;
  expect(wrong.status).toBe(400);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt).toBeNull();
  const ok = (await call({ intent: "confirm", code: await codeAt(secret, 0) })) as Response;
  const result = (await body(ok)) as { recoveryCodes: string[] };
  expect(result.recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes: result.recoveryCodes, cookie };
}

async function passwordStep(email: string) {
  return (await settle(
    login.action({
      request: request("/login", { form: { email, password: TEST_PASSWORD, redirectTo: "/admin/campaigns" } }),
      params: {},
      context: testContext,
    }),
  )) as Response;
}

async function codeStep(challenge: string, code: string) {
  const r = new Request("http://localhost/login/two-factor", {
    method: "POST",
    headers: { Cookie: challenge, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ code }).toString(),
  });
  return (await settle(secondStep.action({ request: r, params: {}, context: testContext }))) as Response;
}

describe("two-factor sign-in", () => {
  it("is on only after a first code works; then the password alone gives no session, and a code does", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const { secret } = await enrol(user.id);

    const afterPassword = await passwordStep(user.email);
    expect(afterPassword.headers.get("Location")).toBe("/login/two-factor");
    expect(cookieOf(afterPassword, "__session")).toBeUndefined();
    const challenge = cookieOf(afterPassword, "__login_challenge")!;
    expect(challenge).toBeTruthy();

    const wrong = await codeStep(challenge, "123456");
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await body(wrong))).toContain("4 more tries");

    const code = await codeAt(secret, 30);
    const right = await codeStep(challenge, code);
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe("/admin/campaigns");
    expect(cookieOf(right, "__session")).toBeTruthy();
    // The same code cannot open a second log-in.
    const again = cookieOf(await passwordStep(user.email), "__login_challenge")!;
    expect((await codeStep(again, code)).status).toBe(400);
  });

  it("ends the log-in after five wrong codes", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const { secret } = await enrol(user.id);
    const challenge = cookieOf(await passwordStep(user.email), "__login_challenge")!;
    for (let i = 0; i < 4; i++) expect((await codeStep(challenge, "111111")).status).toBe(400);
    const fifth = await codeStep(challenge, "111111");
    expect(fifth.headers.get("Location")).toBe("/login");
    // Even the right code does not open this challenge any more.
    expect((await codeStep(challenge, await codeAt(secret, -30))).headers.get("Location")).toBe("/login");
  });

  it("gives no fresh guesses to whoever logs in again with the password", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const { secret } = await enrol(user.id);
    // Two log-ins, five wrong codes each: the account's ten guesses in 15 minutes are spent.
    for (let round = 0; round < 2; round++) {
      const challenge = cookieOf(await passwordStep(user.email), "__login_challenge")!;
      for (let i = 0; i < 5; i++) await codeStep(challenge, "222222");
    }
    const third = cookieOf(await passwordStep(user.email), "__login_challenge")!;
    expect((await codeStep(third, await codeAt(secret, 30))).headers.get("Location")).toBe("/login");
  });

  it("takes a recovery code once", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const { recoveryCodes } = await enrol(user.id);
    const first = cookieOf(await passwordStep(user.email), "__login_challenge")!;
    expect((await codeStep(first, recoveryCodes[0]!.toUpperCase())).status).toBe(302);
    const second = cookieOf(await passwordStep(user.email), "__login_challenge")!;
    expect((await codeStep(second, recoveryCodes[0]!)).status).toBe(400);
    expect((await codeStep(second, recoveryCodes[1]!)).status).toBe(302);
  });

  it("is switched off only with the password and a code", async () => {
    const { organisation } = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id });
    const { secret, cookie } = await enrol(user.id);
    const disable = (form: Record<string, string>) =>
      settle(
        twoFactorPage.action({
          request: request("/admin/account/two-factor", { cookie, form: { intent: "disable", ...form } }),
          params: {},
          context: testContext,
        }),
      ) as Promise<Response>;
    expect((await disable({ password: "wrong password", code: await codeAt(secret, 30) })).status).toBe(400);
    expect((await disable({ password: TEST_PASSWORD, code: "000000" })).status).toBe(400);
    expect((await disable({ password: TEST_PASSWORD, code: await codeAt(secret, 30) })).status).toBe(200);
    expect((await passwordStep(user.email)).headers.get("Location")).toBe("/admin/campaigns");
  });

  it("can be required by the owner: a member without it is sent to set it up before anything else", async () => {
    const { organisation } = await createOrganisation();
    const owner = await createUser({ organisationId: organisation.id, role: "owner" });
    const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
    const organiserCookie = await cookieFor(organiser.id);
    // An organiser may not decide it; the owner may.
    const byOrganiser = await settle(
      organisationPage.action({
        request: request("/admin/organisation", { cookie: organiserCookie, form: { intent: "two-factor-rule", requireTwoFactor: "on" } }),
        params: {},
        context: testContext,
      }),
    );
    expect((byOrganiser as Response).status).toBe(403);
    await organisationPage.action({
      request: request("/admin/organisation", {
        cookie: await cookieFor(owner.id),
        form: { intent: "two-factor-rule", requireTwoFactor: "on" },
      }),
      params: {},
      context: testContext,
    });

    const blocked = (await settle(
      campaigns.loader({ request: request("/admin/campaigns", { cookie: organiserCookie }), params: {}, context: testContext }),
    )) as Response;
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/admin/account/two-factor");
    const setupPage = await twoFactorPage.loader({
      request: request("/admin/account/two-factor", { cookie: organiserCookie }),
      params: {},
      context: testContext,
    });
    expect(setupPage).toMatchObject({ enabled: false, required: true });

    await enrol(organiser.id);
    const open = await settle(
      campaigns.loader({ request: request("/admin/campaigns", { cookie: organiserCookie }), params: {}, context: testContext }),
    );
    expect(open).not.toBeInstanceOf(Response);
  });
});

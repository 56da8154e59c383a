// Following a case without a live campaign: double opt-in, the same answer for every address, a
// form stamp good once, stop and delete links, and each case update reaching every follower once
// per address (also when the address signed one of the case's petitions).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fanOutCaseUpdates, publishCaseUpdate } from "~/cases/case-update.server";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import * as casePage from "~/routes/cases.$slug";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as confirmFollow from "~/routes/f.$token.confirm";
import * as stopFollow from "~/routes/f.$token.unsubscribe";
import * as deleteFollow from "~/routes/f.$token.delete";
import * as confirmSignature from "~/routes/s.$token.confirm";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let c: Awaited<ReturnType<typeof createCase>>;
beforeEach(async () => {
  await prisma.caseFollower.deleteMany();
  await prisma.signature.deleteMany();
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedSupporter.deleteMany();
  const { organisation } = await createOrganisation();
  c = await createCase({ organisationId: organisation.id });
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

async function follow(email: string, formStartedAt = stamp()) {
  return (await settle(
    casePage.action({
      request: request(`/cases/${c.slug}`, { form: { formStartedAt, website: "", email } }),
      params: { slug: c.slug },
      context: { cspNonce: "n", clientAddress: "198.51.100.20" },
    }),
  )) as Response;
}

const followEmails = async (to?: string) =>
  (await prisma.outboxEmail.findMany({ where: { kind: "confirm-follow" }, orderBy: { createdAt: "asc" } }))
    .map(readable)
    .filter((e) => !to || e.toAddress === to);

function linkIn(text: string, kind: string): string {
  const token = text.match(new RegExp(`/f/([A-Za-z0-9_-]+)/${kind}`))?.[1];
  if (!token) throw new Error(`No ${kind} link`);
  return token;
}
const args = (token: string, form?: Record<string, string>) => ({
  request: request(`/f/${token}/x`, form ? { form } : {}),
  params: { token },
  context: testContext,
});

describe("following a case", () => {
  it("is offered only on a case without a live campaign", async () => {
    const shown = await casePage.loader({ request: request(`/cases/${c.slug}`), params: { slug: c.slug }, context: testContext });
    expect(shown.follow).not.toBeNull();
    await createCampaign(c.organisationId, c.id, { templates: [] });
    const withCampaign = await casePage.loader({ request: request(`/cases/${c.slug}`), params: { slug: c.slug }, context: testContext });
    expect(withCampaign.follow).toBeNull();
    expect((await follow("late@example.org")).status).toBe(409);
  });

  it("needs the emailed confirmation (opening the link is not confirming), and keeps the email encrypted", async () => {
    const answer = await follow("Follower@Example.org");
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/cases/${c.slug}?follow=check-email#follow`);
    const row = await prisma.caseFollower.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row.status).toBe("pending");
    expect(row.emailEnc).not.toContain("example.org");
    const [sent] = await followEmails();
    expect(sent!.toAddress).toBe("follower@example.org");
    const token = linkIn(sent!.text, "confirm");
    expect((await confirmFollow.loader(args(token))).confirmed).toBe(false);
    expect((await prisma.caseFollower.findFirstOrThrow()).status).toBe("pending");
    await confirmFollow.action(args(token, {}));
    expect((await prisma.caseFollower.findFirstOrThrow()).status).toBe("confirmed");
  });

  it("answers the same for every address, new, waiting, following or stopped; what differs goes by email", async () => {
    const locations = new Set<string | null>();
    locations.add((await follow("new@example.org")).headers.get("Location"));
    locations.add((await follow("new@example.org")).headers.get("Location")); // waiting: no second email within the hour
    await follow("confirmed@example.org");
    await confirmFollow.action(args(linkIn((await followEmails("confirmed@example.org"))[0]!.text, "confirm"), {}));
    locations.add((await follow("confirmed@example.org")).headers.get("Location"));
    await follow("stopped@example.org");
    await stopFollow.action(args(linkIn((await followEmails("stopped@example.org"))[0]!.text, "unsubscribe"), {}));
    locations.add((await follow("stopped@example.org")).headers.get("Location"));
    expect([...locations]).toEqual([`/cases/${c.slug}?follow=check-email#follow`]);
    expect((await followEmails()).map((e) => e.toAddress).sort()).toEqual([
      "confirmed@example.org",
      "new@example.org",
      "stopped@example.org",
    ]);
  });

  it("takes each form stamp once", async () => {
    const once = stamp();
    expect((await follow("a@example.org", once)).status).toBe(302);
    const replay = await follow("b@example.org", once);
    expect(replay.status).toBe(409);
    expect(await prisma.caseFollower.count()).toBe(1);
  });

  it("deletes everything for the address from the delete link", async () => {
    await follow("gone@example.org");
    const token = linkIn((await followEmails())[0]!.text, "delete");
    const done = (await settle(deleteFollow.action(args(token, {})))) as Response;
    expect(done.headers.get("Location")).toBe(`/f/${token}/delete?done=1`);
    expect(await prisma.caseFollower.count()).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { subjectType: "case-follower" } })).toBe(0);
  });
});

describe("case updates", () => {
  it("reach every confirmed follower and signer who asked, once per address", async () => {
    // A closed campaign's signer who asked for news, and who also follows the case.
    const campaign = await createCampaign(c.organisationId, c.id, { templates: [] });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them." } });
    await settle(
      campaignPage.action({
        request: request(`/campaigns/${campaign.slug}`, {
          form: {
            intent: "sign",
            formStartedAt: stamp(),
            website: "",
            country: "BE",
            name: "Both",
            email: "both@example.org",
            wantsUpdates: "on",
          },
        }),
        params: { slug: campaign.slug },
        context: testContext,
      }),
    );
    const signed = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" } }));
    const signToken = signed.text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)![1]!;
    await confirmSignature.action({
      request: request(`/s/${signToken}/confirm`, { form: {} }),
      params: { token: signToken },
      context: testContext,
    });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: "closed" } });

    for (const address of ["both@example.org", "only@example.org", "pending@example.org"]) await follow(address);
    for (const address of ["both@example.org", "only@example.org"]) {
      await confirmFollow.action(args(linkIn((await followEmails(address))[0]!.text, "confirm"), {}));
    }

    const organiser = await createUser({ organisationId: c.organisationId });
    const update = await publishCaseUpdate({
      caseId: c.id,
      organisationId: c.organisationId,
      title: "Released",
      body: "They are free.",
      statusChangeId: null,
      createdById: organiser.id,
      emailSigners: true,
      appUrl: "http://localhost",
    });
    await fanOutCaseUpdates(1);
    await fanOutCaseUpdates();
    const news = (await prisma.outboxEmail.findMany({ where: { kind: "case-update" } })).map(readable);
    expect(news.map((e) => e.toAddress).sort()).toEqual(["both@example.org", "only@example.org"]);
    const toFollower = news.find((e) => e.toAddress === "only@example.org")!;
    expect(toFollower.text).toContain("asked for news");
    expect(toFollower.text).toMatch(/\/f\/[A-Za-z0-9_-]+\/unsubscribe/);
    expect(await prisma.caseUpdate.findUniqueOrThrow({ where: { id: update!.id } })).toMatchObject({
      emailedCount: 2,
      emailedAt: expect.any(Date),
    });
  });
});

// Sharing: the home page leads with live campaigns; after signing and confirming a page offers
// plain share links tagged with their channel; the tag rides through the sign form onto the
// signature, and the dashboard counts confirmed signatures per day and channel.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import * as home from "~/routes/_index";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as sharePage from "~/routes/campaigns.$slug.share";
import * as confirmPage from "~/routes/s.$token.confirm";
import * as dashboardPage from "~/routes/admin.campaigns.$campaignId.dashboard";
import { readable } from "~/mail/outbox.server";
import { formStamp } from "~/security/crypto.server";
import { cookieFor, createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let campaign: Awaited<ReturnType<typeof createCampaign>>;
let organisationId: string;
beforeEach(async () => {
  await prisma.signature.deleteMany();
  await prisma.campaignChannelDay.deleteMany();
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  const { organisation } = await createOrganisation();
  organisationId = organisation.id;
  const c = await createCase({ organisationId: organisation.id });
  campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }],
  });
  campaign = await prisma.campaign.update({
    where: { id: campaign.id },
    data: { petitionText: "Free them.", signatureGoal: 100 },
    include: { templates: true },
  });
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

async function signAs(email: string, extra: Record<string, string> = {}) {
  const form = { intent: "sign", formStartedAt: stamp(), website: "", country: "BE", name: "Dana", email, ...extra };
  return (await settle(
    campaignPage.action({
      request: request(`/campaigns/${campaign.slug}`, { form }),
      params: { slug: campaign.slug },
      context: { cspNonce: "n", clientAddress: "198.51.100.9" },
    }),
  )) as Response;
}

async function confirmLast() {
  const email = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
  const token = readable(email).text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)?.[1];
  if (!token) throw new Error("No confirmation link in the email");
  await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
  return token;
}

describe("the home page", () => {
  it("lists live campaigns first, with their count, goal and a link to the sign form", async () => {
    await prisma.campaign.update({ where: { id: campaign.id }, data: { signatureCount: 42 } });
    const data = await home.loader();
    const shown = data.campaigns.find((c) => c.slug === campaign.slug);
    expect(shown).toMatchObject({ title: campaign.title, signatureCount: 42, signatureGoal: 100, petition: true });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: "draft" } });
    expect((await home.loader()).campaigns.some((c) => c.slug === campaign.slug)).toBe(false);
  });
});

describe("the page after signing", () => {
  it("says check your inbox and offers share links carrying the campaign's address with their channel", async () => {
    const signed = await signAs("share-1@example.org");
    expect(signed.headers.get("Location")).toBe(`/campaigns/${campaign.slug}/share?signed=check-email`);
    const data = await sharePage.loader({
      request: request(`/campaigns/${campaign.slug}/share?signed=check-email`),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(data.signed).toBe(true);
    const url = `http://localhost/campaigns/${campaign.slug}`;
    expect(decodeURIComponent(data.links.whatsapp)).toContain(`${url}?src=whatsapp`);
    expect(data.links.whatsapp.startsWith("https://wa.me/?text=")).toBe(true);
    expect(data.links.telegram).toBe(
      `https://t.me/share/url?url=${encodeURIComponent(`${url}?src=telegram`)}&text=${encodeURIComponent(`${campaign.title}: I signed, will you?`)}`,
    );
    expect(data.links.email.startsWith("mailto:?subject=")).toBe(true);
    expect(decodeURIComponent(data.links.email)).toContain(`${url}?src=email`);
    expect(data.links.copy).toBe(`${url}?src=copy`);
  });

  it("after confirming, the confirmation page carries the same share links", async () => {
    await signAs("share-2@example.org");
    const token = await confirmLast();
    const data = await confirmPage.loader({ request: request(`/s/${token}/confirm`), params: { token }, context: testContext });
    expect(data.confirmed).toBe(true);
    expect(data.links.copy).toBe(`http://localhost/campaigns/${campaign.slug}?src=copy`);
  });
});

describe("the channel tag", () => {
  it("comes from the campaign page's address, allow-listed, into the form", async () => {
    const load = (query: string) =>
      campaignPage.loader({
        request: request(`/campaigns/${campaign.slug}${query}`),
        params: { slug: campaign.slug },
        context: testContext,
      });
    expect((await load("?src=telegram")).source).toBe("telegram");
    expect((await load("?src=TikTok")).source).toBeNull();
    expect((await load(`?src=${"w".repeat(5000)}`)).source).toBeNull();
    expect((await load("")).source).toBeNull();
  });

  it("is stored on the signature (unknown tags are not) and counted per day and channel once confirmed", async () => {
    await signAs("tag-1@example.org", { src: "telegram" });
    await confirmLast();
    await signAs("tag-2@example.org", { src: "telegram" });
    await confirmLast();
    await signAs("tag-3@example.org", { src: "whatsapp" });
    await confirmLast();
    await signAs("tag-4@example.org", { src: "<script>" });
    await confirmLast();
    await signAs("tag-5@example.org", { src: "email" }); // not confirmed: not counted
    const sources = await prisma.signature.findMany({ where: { campaignId: campaign.id }, select: { source: true } });
    expect(sources.map((s) => s.source ?? "none").sort()).toEqual(["email", "none", "telegram", "telegram", "whatsapp"]);

    const user = await createUser({ organisationId, role: "organiser" });
    const data = await dashboardPage.loader({
      request: request(`/admin/campaigns/${campaign.id}/dashboard`, { cookie: await cookieFor(user.id) }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(data.signaturesByChannel).toEqual([{ day: today, counts: { direct: 1, whatsapp: 1, telegram: 2, email: 0, copy: 0 } }]);
  });
});

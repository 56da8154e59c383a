// The overview tells each person what waits for them: a section member their section's letters per
// live campaign against its targets, follow-ups and answers; an organiser today's signatures, the
// unconfirmed ones, letters to approve, follow-ups due, answers, unfiled replies and failed emails.
// Each count links to the page where it is dealt with, and each count reads an index.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/db.server";
import { organiserNextSteps, sectionNextSteps, type NextStep } from "~/dashboard/next-steps.server";
import { generateLetters } from "~/letters/letter.server";
import * as overview from "~/routes/admin._index";
import {
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  testContext,
} from "../support/factories";

const day = 24 * 3600 * 1000;
let organisationId: string;
let sectionId: string;
let berlinId: string;
let campaignId: string;
let draftCampaignId: string;

const step = (steps: NextStep[], key: string) => {
  const found = steps.find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key} in ${steps.map((s) => s.key).join(", ")}`);
  return found;
};

async function signature(campaign: string, status: "pending" | "confirmed") {
  return prisma.signature.create({
    data: {
      campaignId: campaign,
      country: "BE",
      status,
      tokenHash: crypto.randomBytes(16).toString("hex"),
      confirmationSentAt: new Date(),
      confirmedAt: status === "confirmed" ? new Date() : null,
    },
  });
}

async function failedEmail(organisation: string) {
  return prisma.outboxEmail.create({
    data: {
      organisationId: organisation,
      dedupeKey: `x:${crypto.randomUUID()}`,
      kind: "letter",
      fromAddress: "letters@example.org",
      toAddress: "embassy@example.org",
      subject: "Release the activists",
      html: "<p>x</p>",
      text: "x",
      status: "failed",
    },
  });
}

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Solidarity");
  organisationId = organisation.id;
  sectionId = section.id;
  berlinId = (
    await prisma.section.create({
      data: { organisationId, name: "Berlin section", country: "DE", city: "Berlin", contactEmail: "berlin@example.org" },
    })
  ).id;
  const c = await createCase({ organisationId });
  const templates = [
    { language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write about {{ case.title }}." },
  ];
  campaignId = (await createCampaign(organisationId, c.id, { templates })).id;
  draftCampaignId = (await createCampaign(organisationId, c.id, { status: "draft", templates })).id;
  // Brussels (BE) writes to the Belgian embassy, the MEP elected in Belgium and the official; Berlin to the German embassy and the official.
  await createTarget(organisationId, { kind: "embassy", name: "Embassy in Belgium", country: "BE" });
  await createTarget(organisationId, { kind: "mep", name: "An MEP from Belgium", country: "BE" });
  await createTarget(organisationId, { kind: "official", name: "Prosecutor General", country: "KZ" });
  await createTarget(organisationId, { kind: "embassy", name: "Embassy in Germany", country: "DE" });
});

describe("a section member's next steps", () => {
  it("shows each live campaign with 0 of its targets' letters and a link to generate them", async () => {
    const steps = await sectionNextSteps({ organisationId, sectionId });
    const live = step(steps, `campaign:${campaignId}`);
    expect(live.text).toBe("Free the activists is live: 0 of 3 letters from your section");
    expect(live.links).toEqual([{ to: `/admin/campaigns/${campaignId}/letters`, label: "Generate letters" }]);
    expect(steps.some((s) => s.key === `campaign:${draftCampaignId}`)).toBe(false);
    expect(step(steps, "answers").text).toBe("0 answers to your section's letters");
  });

  it("counts only their section's letters, and moves on to approving once all are generated", async () => {
    await generateLetters({ campaignId, organisationId, sectionId: berlinId, appUrl: "http://localhost" });
    const before = step(await sectionNextSteps({ organisationId, sectionId }), `campaign:${campaignId}`);
    expect(before.text).toContain("0 of 3 letters");

    await generateLetters({ campaignId, organisationId, sectionId, appUrl: "http://localhost" });
    const after = step(await sectionNextSteps({ organisationId, sectionId }), `campaign:${campaignId}`);
    expect(after.text).toBe("Free the activists is live: 3 of 3 letters from your section");
    expect(after.detail).toBe("3 drafts waiting for approval");
    expect(after.links[0]?.label).toBe("Review and approve");

    const berlin = step(await sectionNextSteps({ organisationId, sectionId: berlinId }), `campaign:${campaignId}`);
    expect(berlin.text).toBe("Free the activists is live: 2 of 2 letters from your section");
  });

  it("counts the answers to their letters, and follow-ups due, with links", async () => {
    const [first, second] = await prisma.letter.findMany({ where: { campaignId, sectionId }, orderBy: { id: "asc" } });
    if (!first || !second) throw new Error("letters expected");
    await prisma.response.create({
      data: { letterId: first.id, organisationId, channel: "post", kind: "acknowledgement", receivedAt: new Date() },
    });
    await prisma.letter.update({ where: { id: second.id }, data: { status: "sent", sentAt: new Date(Date.now() - 40 * day) } });
    // An answer to a letter an organiser wrote for the section in a draft campaign stays out of the member's count.
    await generateLetters({ campaignId: draftCampaignId, organisationId, sectionId, appUrl: "http://localhost" });
    const inDraft = await prisma.letter.findFirstOrThrow({ where: { campaignId: draftCampaignId, sectionId } });
    await prisma.response.create({ data: { letterId: inDraft.id, organisationId, channel: "post", receivedAt: new Date() } });
    const steps = await sectionNextSteps({ organisationId, sectionId });
    expect(step(steps, "answers")).toMatchObject({
      text: "1 answer to your section's letters, 1 new this week",
      links: [{ to: `/admin/sections/${sectionId}/dashboard`, label: "Read the answers" }],
    });
    expect(step(steps, `follow-ups:${campaignId}`)).toMatchObject({
      text: "1 letter on Free the activists got no answer yet",
      links: [{ to: `/admin/campaigns/${campaignId}/follow-ups`, label: "Send follow-ups" }],
    });
  });
});

describe("an organiser's next steps", () => {
  it("counts what waits and links each count to where it is dealt with", async () => {
    const stranger = await createOrganisation("Another organisation");
    await failedEmail(stranger.organisation.id);
    await failedEmail(organisationId);
    await signature(campaignId, "pending");
    await signature(campaignId, "pending");
    await signature(draftCampaignId, "pending");
    await prisma.campaignDay.create({ data: { campaignId, day: new Date().toISOString().slice(0, 10), signatures: 1 } });
    await prisma.response.create({
      data: { organisationId, channel: "email", receivedAt: new Date(), inboundTo: "x@replies.example.org" },
    });

    const steps = await organiserNextSteps({ organisationId });
    expect(step(steps, "signatures-today")).toMatchObject({
      text: "1 signature confirmed today",
      links: [{ to: `/admin/campaigns/${campaignId}/signatures`, label: "Free the activists: 1" }],
    });
    expect(step(steps, "signatures-pending")).toMatchObject({ count: 2, text: "2 signatures waiting for the signer to confirm by email" });
    const drafts = step(steps, "letters-draft");
    // Brussels has 2 drafts left (one was sent above), Berlin 2.
    expect(drafts.text).toBe("4 letters waiting for approval");
    expect(drafts.links).toEqual(
      expect.arrayContaining([
        { to: `/admin/campaigns/${campaignId}/letters?sender=${sectionId}`, label: "Free the activists, from Solidarity section: 2" },
        { to: `/admin/campaigns/${campaignId}/letters?sender=${berlinId}`, label: "Free the activists, from Berlin section: 2" },
      ]),
    );
    expect(step(steps, "follow-ups")).toMatchObject({
      text: "1 letter past the follow-up date with no answer",
      links: [
        { to: `/admin/campaigns/${campaignId}/follow-ups?sender=${sectionId}`, label: "Free the activists, from Solidarity section: 1" },
      ],
    });
    // Organisers see answers in every campaign, the draft one too.
    expect(step(steps, "answers")).toMatchObject({
      text: "2 answers to letters recorded in the last 7 days",
      links: expect.arrayContaining([
        { to: `/admin/campaigns/${campaignId}/dashboard`, label: "Free the activists: 1" },
        { to: `/admin/campaigns/${draftCampaignId}/dashboard`, label: "Free the activists: 1" },
      ]),
    });
    expect(step(steps, "replies-unfiled")).toMatchObject({
      text: "1 email reply matching no letter, waiting to be filed",
      links: [{ to: "/admin/responses", label: "File them in the inbox" }],
    });
    expect(step(steps, "emails-failed")).toMatchObject({
      text: "1 email could not be sent",
      links: [{ to: "/admin/outbox", label: "See why and try again" }],
    });
  });

  it("the overview page gives each role its own steps", async () => {
    const organiser = await cookieFor((await createUser({ organisationId })).id);
    const member = await cookieFor((await createUser({ organisationId, role: "section_member", sectionId })).id);
    const asOrganiser = await overview.loader({ request: request("/admin", { cookie: organiser }), params: {}, context: testContext });
    expect(asOrganiser.steps.map((s) => s.key)).toContain("letters-draft");
    const asMember = await overview.loader({ request: request("/admin", { cookie: member }), params: {}, context: testContext });
    expect(asMember.steps.map((s) => s.key)).toEqual([`campaign:${campaignId}`, `follow-ups:${campaignId}`, "answers"]);
  });
});

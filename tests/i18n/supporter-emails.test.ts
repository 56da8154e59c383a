// A supporter's later emails go in the language of the page they signed or followed on, stored with
// them: "you have already signed", the reminder, the confirmation of a follow and a case's news.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fanOutCaseUpdates, publishCaseUpdate } from "~/cases/case-update.server";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import { queueSignatureReminders } from "~/petitions/reminder.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as casePage from "~/routes/cases.$slug";
import * as confirmFollowPage from "~/routes/f.$token.confirm";
import * as confirmPage from "~/routes/s.$token.confirm";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let organisationId: string;
let c: Awaited<ReturnType<typeof createCase>>;
let campaign: Awaited<ReturnType<typeof createCampaign>>;
beforeEach(async () => {
  await prisma.caseFollower.deleteMany();
  await prisma.signature.deleteMany();
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedSupporter.deleteMany();
  const { organisation } = await createOrganisation();
  organisationId = organisation.id;
  c = await createCase({ organisationId });
  campaign = await createCampaign(organisationId, c.id, { templates: [{ language: "en", subject: "s", body: "b" }] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them." } });
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

async function sign(email: string, query: string, wantsUpdates = false) {
  const form = {
    intent: "sign",
    formStartedAt: stamp(),
    website: "",
    country: "BE",
    name: "Dana",
    email,
    ...(wantsUpdates ? { wantsUpdates: "on" } : {}),
  };
  await settle(
    campaignPage.action({
      request: request(`/campaigns/${campaign.slug}${query}`, { form }),
      params: { slug: campaign.slug },
      context: testContext,
    }),
  );
}

const emailsOf = async (kind: string, to: string) =>
  (await prisma.outboxEmail.findMany({ where: { kind }, orderBy: { createdAt: "asc" } })).map(readable).filter((e) => e.toAddress === to);

async function confirmLastSignature(to: string) {
  const [sent] = await emailsOf("confirm-signature", to);
  const token = sent!.text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)![1]!;
  await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
}

describe("a supporter's later emails", () => {
  it("say “you have already signed” in the language signed in, whatever page the address is typed on again", async () => {
    await sign("anna@example.org", "?lng=de");
    await confirmLastSignature("anna@example.org");
    await prisma.signature.updateMany({ data: { confirmationSentAt: new Date(Date.now() - 61 * 60 * 1000) } });
    await sign("anna@example.org", "?lng=en");
    const [again] = await emailsOf("already-signed", "anna@example.org");
    expect(again!.subject).toBe(`Sie haben bereits unterschrieben: ${campaign.title}`);
    expect(again!.text).toContain("Guten Tag,");
    expect(again!.text).toContain("Ihre Unterschrift zählt einmal");
    expect(again!.text).toContain("Keine E-Mails mehr von uns");
    expect(again!.html).toContain('lang="de"');
    expect(again!.text).toMatch(/\/s\/[A-Za-z0-9_-]+\/delete\?lng=de/);
  });

  it("remind in Russian someone who signed in Russian", async () => {
    await sign("ivan@example.org", "?lng=ru");
    await sign("jane@example.org", "");
    expect(await queueSignatureReminders(new Date(Date.now() + 25 * 3600 * 1000), "http://localhost")).toBe(2);
    const [russian] = await emailsOf("confirm-reminder", "ivan@example.org");
    expect(russian!.subject).toBe(`Ваша подпись пока не учтена: ${campaign.title}`);
    expect(russian!.text).toContain("Здравствуйте!");
    // Its links open the pages in Russian too.
    expect(russian!.text).toMatch(/Подтвердить подпись: http:\/\/localhost\/s\/[A-Za-z0-9_-]+\/confirm\?lng=ru/);
    const [english] = await emailsOf("confirm-reminder", "jane@example.org");
    expect(english!.subject).toBe(`Your signature does not count yet: ${campaign.title}`);
  });

  it("bring a case's news in each reader's language: a German signer and a Russian follower", async () => {
    await sign("anna@example.org", "?lng=de", true);
    await confirmLastSignature("anna@example.org");
    const quiet = await createCase({ organisationId, title: "Journalists held in Minsk" });
    await settle(
      casePage.action({
        request: request(`/cases/${quiet.slug}?lng=ru`, { form: { formStartedAt: stamp(), website: "", email: "oleg@example.org" } }),
        params: { slug: quiet.slug },
        context: testContext,
      }),
    );
    const [confirmFollow] = await emailsOf("confirm-follow", "oleg@example.org");
    expect(confirmFollow!.subject).toBe("Пожалуйста, подтвердите: новости по делу «Journalists held in Minsk»");
    const token = confirmFollow!.text.match(/\/f\/([A-Za-z0-9_-]+)\/confirm/)![1]!;
    await confirmFollowPage.action({ request: request(`/f/${token}/confirm`, { form: {} }), params: { token }, context: testContext });

    const organiser = await createUser({ organisationId, role: "organiser" });
    const news = {
      body: "She was released today.",
      statusChangeId: null,
      createdById: organiser.id,
      emailSigners: true,
      appUrl: "http://localhost",
    };
    await publishCaseUpdate({ caseId: c.id, organisationId, title: "Oksana Shevchuk released", ...news });
    await publishCaseUpdate({ caseId: quiet.id, organisationId, title: "Trial postponed", ...news });
    for (let i = 0; i < 6; i++) await fanOutCaseUpdates();

    const [german] = await emailsOf("case-update", "anna@example.org");
    expect(german!.text).toContain("Guten Tag,");
    // The news itself stays as the organiser wrote it.
    expect(german!.text).toContain("Oksana Shevchuk released");
    expect(german!.text).toContain("She was released today.");
    expect(german!.text).toMatch(/Den Fall lesen: http:\/\/localhost\/cases\//);
    expect(german!.text).toContain("weil Sie eine Petition");
    const [russian] = await emailsOf("case-update", "oleg@example.org");
    expect(russian!.text).toContain("Trial postponed");
    expect(russian!.text).toMatch(/Читать о деле: http:\/\/localhost\/cases\//);
    expect(russian!.text).toContain("попросили присылать новости по делу «Journalists held in Minsk»");
  });
});

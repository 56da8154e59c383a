// One reminder for a signature left unconfirmed for a day: exactly once, with a working confirm
// link, and never after confirmation, erasure or a stop.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import { queueSignatureReminders } from "~/petitions/reminder.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as confirmPage from "~/routes/s.$token.confirm";
import * as deletePage from "~/routes/s.$token.delete";
import * as unsubscribePage from "~/routes/s.$token.unsubscribe";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let campaign: Awaited<ReturnType<typeof createCampaign>>;
beforeEach(async () => {
  await prisma.signature.deleteMany();
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedSupporter.deleteMany();
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  campaign = await createCampaign(organisation.id, c.id, { templates: [{ language: "en", subject: "s", body: "b" }] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them." } });
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

/** Signs, and returns the token of the signer's links (read from the confirmation email). */
async function sign(email: string): Promise<string> {
  const form = { intent: "sign", formStartedAt: stamp(), website: "", country: "BE", name: "Dana", email };
  await settle(
    campaignPage.action({
      request: request(`/campaigns/${campaign.slug}`, { form }),
      params: { slug: campaign.slug },
      context: testContext,
    }),
  );
  const sent = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
  return readable(sent).text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)![1]!;
}

const aDayLater = () => new Date(Date.now() + 25 * 3600 * 1000);
const reminders = async () =>
  (await prisma.outboxEmail.findMany({ where: { kind: "confirm-reminder" } })).map((e) => ({
    to: readable(e).toAddress,
    text: readable(e).text,
  }));
const post = (token: string) => ({ request: request(`/s/${token}/x`, { form: {} }), params: { token }, context: testContext });

describe("the reminder to confirm", () => {
  it("goes once, a day after signing, with a confirm link that counts the signature", async () => {
    const token = await sign("late@example.org");
    expect(await queueSignatureReminders(new Date(), "http://localhost")).toBe(0); // not a day yet
    expect(await queueSignatureReminders(aDayLater(), "http://localhost")).toBe(1);
    expect(await queueSignatureReminders(aDayLater(), "http://localhost")).toBe(0);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe("late@example.org");
    expect(sent[0]!.text).toContain(`http://localhost/s/${token}/confirm`);
    expect(sent[0]!.text).not.toContain("Dana");

    await confirmPage.action(post(token));
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).signatureCount).toBe(1);
  });

  it("never goes for a confirmed, stopped or erased signature", async () => {
    await confirmPage.action(post(await sign("confirmed@example.org")));
    await unsubscribePage.action(post(await sign("stopped@example.org")));
    await deletePage.action(post(await sign("erased@example.org")));
    expect(await queueSignatureReminders(aDayLater(), "http://localhost")).toBe(0);
    expect(await reminders()).toEqual([]);
  });
});

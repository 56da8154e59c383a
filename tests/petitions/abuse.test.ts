// The hourly limit per connection counts accepted signatures only: a person who mistypes their
// address a few times can still sign, and the limit still stops a flood.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { purgeUsedStamps, spendStampAlone, STAMP_LIFETIME_SECONDS, StampUsedError } from "~/petitions/abuse.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, request, settle } from "../support/factories";
import { shownInEnglish } from "../support/i18n";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "2";
});

let slug: string;
beforeEach(async () => {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, { templates: [] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them." } });
  slug = campaign.slug;
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

const sign = async (email: string, clientAddress: string, formStartedAt = stamp()) =>
  (await settle(
    campaignPage.action({
      request: request(`/campaigns/${slug}`, { form: { formStartedAt, website: "", name: "Aru", email, country: "BE" } }),
      params: { slug },
      context: { cspNonce: "n", clientAddress },
    }),
  )) as Response;

describe("the signing limit", () => {
  it("does not count typing mistakes or a replayed form", async () => {
    const client = "192.0.2.10";
    for (const typo of ["aru@", "aru.example.org", "@example.org"]) expect((await sign(typo, client)).status).toBe(400);
    const used = stamp();
    expect((await sign("aru@example.org", client, used)).status).toBe(302);
    expect((await sign("bek@example.org", client, used)).status).toBe(409);
    expect((await sign("bek@example.org", client)).status).toBe(302);
    // Two accepted: the third is over the limit.
    const over = await sign("cem@example.org", client);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another connection is not affected.
    expect((await sign("cem@example.org", "192.0.2.11")).status).toBe(302);
  });
});

describe("used form stamps", () => {
  it("differ for two visitors in the same millisecond, so one's submission never spends the other's", () => {
    const now = Date.now();
    expect(formStamp(now)).not.toBe(formStamp(now));
  });

  it("are kept until they expire, then maintenance removes them (an expired stamp is refused by its age anyway)", async () => {
    const used = stamp();
    await spendStampAlone(used);
    await expect(spendStampAlone(used)).rejects.toBeInstanceOf(StampUsedError);
    await purgeUsedStamps();
    expect(await prisma.usedFormStamp.count()).toBeGreaterThan(0);
    await purgeUsedStamps(new Date(Date.now() + (STAMP_LIFETIME_SECONDS + 60) * 1000));
    expect(await prisma.usedFormStamp.count()).toBe(0);
    const old = formStamp(Date.now() - (STAMP_LIFETIME_SECONDS + 60) * 1000);
    const refused = await sign("late@example.org", "192.0.2.20", old);
    expect(refused.status).toBe(400);
    expect(shownInEnglish(((await refused.json()) as { formError: string }).formError)).toContain("Reload it");
  });
});

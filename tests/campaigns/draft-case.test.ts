// A campaign shows its case's people to everyone: it cannot go live while the case is a draft, and
// a case with a live campaign cannot go back to draft.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as editCampaign from "~/routes/admin.campaigns.$campaignId._index";
import * as newCampaign from "~/routes/admin.campaigns.new";
import * as editCase from "~/routes/admin.cases.$caseId._index";
import {
  body,
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createUser,
  request,
  settle,
  testContext,
} from "../support/factories";

let cookie: string;
let organisationId: string;
beforeEach(async () => {
  const { organisation } = await createOrganisation();
  organisationId = organisation.id;
  cookie = await cookieFor((await createUser({ organisationId, role: "organiser" })).id);
});

const campaignForm = (caseId: string, status: string, slug: string) => ({
  caseId,
  title: "Free the journalists",
  slug,
  summary: "Two journalists were detained for their reporting on the protests.",
  callToAction: "Write to the prosecutor.",
  status,
  startsOn: "",
  endsOn: "",
  targetCountries: "",
  targetTags: "",
  petitionText: "",
});

describe("a campaign on a draft case", () => {
  it("cannot be created live, with a message beside the status; as a draft it can", async () => {
    const draftCase = await createCase({ organisationId, status: "draft" });
    const slug = `journalists-${Date.now()}`;
    const refused = (await settle(
      newCampaign.action({
        request: request("/admin/campaigns/new", { cookie, form: campaignForm(draftCase.id, "live", slug) }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(refused.status).toBe(400);
    const result = (await body(refused)) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(result.fieldErrors.status?.[0]).toMatch(/case is still a draft/);
    expect(result.values.title).toBe("Free the journalists");
    expect(await prisma.campaign.count({ where: { slug } })).toBe(0);

    const accepted = (await settle(
      newCampaign.action({
        request: request("/admin/campaigns/new", { cookie, form: campaignForm(draftCase.id, "draft", slug) }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(accepted.status).toBe(302);
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { slug } });

    // Going live later is refused too, until the case is published.
    const live = (await settle(
      editCampaign.action({
        request: request(`/admin/campaigns/${campaign.id}`, {
          cookie,
          form: { intent: "update", ...campaignForm(draftCase.id, "live", slug) },
        }),
        params: { campaignId: campaign.id },
        context: testContext,
      }),
    )) as Response;
    expect(live.status).toBe(400);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { slug } })).status).toBe("draft");
  });

  it("is not public even if the data pairs them, and its case cannot go back to draft while it is live", async () => {
    const c = await createCase({ organisationId, status: "active" });
    const campaign = await createCampaign(organisationId, c.id, { status: "live", templates: [] });
    const caseForm = {
      intent: "update-case",
      title: c.title,
      slug: c.slug,
      summary: c.summary,
      country: "KZ",
      status: "draft",
      startedOn: "",
    };
    const back = (await settle(
      editCase.action({
        request: request(`/admin/cases/${c.id}`, { cookie, form: caseForm }),
        params: { caseId: c.id },
        context: testContext,
      }),
    )) as Response;
    expect(back.status).toBe(400);
    expect(JSON.stringify(await body(back))).toContain("A live campaign shows this case");
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("active");

    await prisma.case.update({ where: { id: c.id }, data: { status: "draft" } });
    const page = (await settle(
      campaignPage.loader({ request: request(`/campaigns/${campaign.slug}`), params: { slug: campaign.slug }, context: testContext }),
    )) as Response;
    expect(page.status).toBe(404);
  });
});

// Organisers translate a case's public text per language; visitors read their language where a
// translation exists and the original, with a short note, where not.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as campaignRoute from "~/routes/campaigns.$slug._index";
import * as caseRoute from "~/routes/cases.$slug";
import * as translationsRoute from "~/routes/admin.cases.$caseId.translations.$language";
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

async function campaignWithDemand() {
  const found = await createCase({ organisationId });
  const demand = await prisma.demand.create({ data: { caseId: found.id, text: "Release them now." } });
  const campaign = await createCampaign(organisationId, found.id, { templates: [] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "We call for their release." } });
  return { found, demand, campaign };
}

const save = (caseId: string, language: string, form: Record<string, string>, as = cookie) =>
  settle(
    translationsRoute.action({
      request: request(`/admin/cases/${caseId}/translations/${language}`, { cookie: as, form }),
      params: { caseId, language },
      context: testContext,
    }),
  );

function visit(path: string, acceptLanguage: string) {
  const r = new Request(`http://localhost${path}`, { headers: { "Accept-Language": acceptLanguage } });
  return r;
}

describe("translating a campaign", () => {
  it("shows the original beside each field and saves the typed translation", async () => {
    const { found, campaign, demand } = await campaignWithDemand();
    const page = (await translationsRoute.loader({
      request: request(`/admin/cases/${found.id}/translations/de`, { cookie }),
      params: { caseId: found.id, language: "de" },
      context: testContext,
    })) as Awaited<ReturnType<typeof translationsRoute.loader>>;
    const titleField = page.content.fields.find((f) => f.name === `campaign.${campaign.id}.title`);
    expect(titleField?.original).toBe("Free the activists");

    const saved = await save(found.id, "de", {
      [`campaign.${campaign.id}.title`]: "Freiheit für die Aktivisten",
      [`campaign.${campaign.id}.petitionText`]: "Wir fordern ihre Freilassung.",
      [`demand.${demand.id}.text`]: "Lassen Sie sie jetzt frei.",
    });
    expect(await body(saved)).toEqual({ ok: true, saved: 3 });

    // Emptying a box removes the translation: the original shows again.
    await save(found.id, "de", { [`demand.${demand.id}.text`]: "  " });
    const rows = await prisma.contentTranslation.findMany({ where: { caseId: found.id }, orderBy: { field: "asc" } });
    expect(rows.map((r) => [r.field, r.language, r.text])).toEqual([
      ["petitionText", "de", "Wir fordern ihre Freilassung."],
      ["title", "de", "Freiheit für die Aktivisten"],
    ]);
  });

  it("refuses a translation longer than the original field allows, keeps what was typed and saves nothing", async () => {
    const { found, campaign } = await campaignWithDemand();
    const long = "x".repeat(201);
    const refused = (await save(found.id, "fr", {
      [`campaign.${campaign.id}.title`]: long,
      [`campaign.${campaign.id}.callToAction`]: "Écrivez aux autorités.",
    })) as Response;
    expect(refused.status).toBe(400);
    const result = (await body(refused)) as { errors: Record<string, string>; values: Record<string, string> };
    expect(result.errors[`campaign.${campaign.id}.title`]).toBe("Title can be at most 200 characters.");
    expect(result.values[`campaign.${campaign.id}.title`]).toBe(long);
    expect(await prisma.contentTranslation.count({ where: { caseId: found.id } })).toBe(0);
  });

  it("is not open to another organisation, nor for English or an unknown language", async () => {
    const { found, campaign } = await campaignWithDemand();
    const other = await createOrganisation();
    const stranger = await cookieFor((await createUser({ organisationId: other.organisation.id, role: "organiser" })).id);
    const form = { [`campaign.${campaign.id}.title`]: "Piraterie" };
    expect(((await save(found.id, "de", form, stranger)) as Response).status).toBe(404);
    expect(((await save(found.id, "en", form)) as Response).status).toBe(404);
    expect(((await save(found.id, "xx", form)) as Response).status).toBe(404);
    expect(await prisma.contentTranslation.count({ where: { caseId: found.id } })).toBe(0);
  });
});

describe("the public pages", () => {
  it("show a German visitor the German title and petition; a French visitor the original with a note", async () => {
    const { found, campaign, demand } = await campaignWithDemand();
    await save(found.id, "de", {
      [`campaign.${campaign.id}.title`]: "Freiheit für die Aktivisten",
      [`campaign.${campaign.id}.summary`]: "Eine Kampagne für die Freilassung der Aktivisten.",
      [`campaign.${campaign.id}.callToAction`]: "Schreiben Sie an die Behörden.",
      [`campaign.${campaign.id}.petitionText`]: "Wir fordern ihre Freilassung.",
      [`demand.${demand.id}.text`]: "Lassen Sie sie jetzt frei.",
    });
    const path = `/campaigns/${campaign.slug}`;
    const german = await campaignRoute.loader({
      request: visit(path, "de-DE,de;q=0.9"),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(german.campaign.title).toBe("Freiheit für die Aktivisten");
    expect(german.campaign.petitionText).toBe("Wir fordern ihre Freilassung.");
    expect(german.campaign.case.demands.map((d) => d.text)).toEqual(["Lassen Sie sie jetzt frei."]);
    expect(german.untranslatedIn).toBeNull();

    const french = await campaignRoute.loader({
      request: visit(path, "fr-FR,fr;q=0.9"),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(french.campaign.title).toBe("Free the activists");
    expect(french.untranslatedIn).toBe("fr");

    const english = await campaignRoute.loader({ request: visit(path, "en"), params: { slug: campaign.slug }, context: testContext });
    expect(english.campaign.title).toBe("Free the activists");
    expect(english.untranslatedIn).toBeNull();
  });

  it("the case page: a translated summary for its language, the original and a note for a partly translated one", async () => {
    const { found } = await campaignWithDemand();
    await save(found.id, "ru", { [`case.${found.id}.title`]: "Активисты задержаны после митинга" });
    const path = `/cases/${found.slug}`;
    const russian = await caseRoute.loader({ request: visit(path, "ru"), params: { slug: found.slug }, context: testContext });
    expect(russian.case.title).toBe("Активисты задержаны после митинга");
    // The summary is not translated yet: the original, and the note.
    expect(russian.case.summary).toBe(found.summary);
    expect(russian.case.untranslatedIn).toBe("ru");
  });
});

// A letter goes in a language its target reads: the demo campaign writes Russian to the Kazakh
// officials and embassies, German and French to MEPs who read them, English to the others; a
// supporter's own letter goes in their language where the target reads it.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { chooseTemplate } from "~/letters/letter.server";
import { letterContext, loadCaseVariables, loadSender, type Sender } from "~/letters/letter-context.server";
import { parseTemplate, renderTemplate } from "~/letters/template.server";
import { draftSupporterLetters } from "~/petitions/supporter-letter.server";
import { previewTemplate } from "~/letters/template-preview.server";
import { seedDemo } from "../../prisma/seed/seed.server";

let campaign: Awaited<ReturnType<typeof loadCampaign>>;
const loadCampaign = () =>
  prisma.campaign.findUniqueOrThrow({
    where: { slug: "free-the-article-405-prisoners" },
    include: { templates: true, case: { select: { title: true, slug: true } } },
  });

beforeAll(async () => {
  await seedDemo(prisma);
  campaign = await loadCampaign();
}, 60_000);

function render(source: string, context: object): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const rendered = renderTemplate(parsed.template, context);
  if (!rendered.ok) throw new Error(rendered.problem.message);
  return rendered.text;
}

describe("the demo campaign's letters", () => {
  it("has a template per language: Russian for officials and embassies, German and French for MEPs", () => {
    const byLanguage = campaign.templates.map((t) => `${t.language} ${t.targetKind ?? "any kind"}`).sort();
    expect(byLanguage).toEqual(["de mep", "en any kind", "en mep", "fr mep", "ru any kind"]);
  });

  it("sends each target the language it reads", async () => {
    const targets = await prisma.target.findMany({ where: { organisationId: campaign.organisationId } });
    const languageOf = (name: string) => {
      const target = targets.find((t) => t.name === name);
      if (!target) throw new Error(`no target ${name}`);
      return chooseTemplate(campaign.templates, target)?.language;
    };
    expect(languageOf("Prosecutor General of the Republic of Kazakhstan")).toBe("ru");
    expect(languageOf("Embassy of Kazakhstan in Germany")).toBe("ru");
    const meps = targets.filter((t) => t.kind === "mep");
    const readsOnly = (language: string) => meps.find((t) => t.languages === `|${language}|`);
    for (const [reads, gets] of [
      ["de", "de"],
      ["fr", "fr"],
      ["nl", "en"],
      ["it", "en"],
    ]) {
      const mep = readsOnly(reads ?? "");
      expect(mep, `an MEP reading only ${reads}`).toBeDefined();
      if (mep) expect(chooseTemplate(campaign.templates, mep)?.language, mep.name).toBe(gets);
    }
  });

  it("every template renders for a section and for a supporter, in its own voice", async () => {
    const variables = await loadCaseVariables(campaign.id, "https://letters.example.org");
    const section = await loadSender(campaign.organisationId, null);
    if (!section) throw new Error("no sender");
    const supporter: Sender = {
      sectionId: null,
      name: "Anna Schmidt",
      city: "Köln",
      country: "DE",
      organisation: section.organisation,
      signatories: ["Anna Schmidt"],
      supporter: true,
    };
    const target = { name: "Hannah Neumann", position: null, salutation: "Dear Hannah Neumann", body: null, country: "DE", kind: "mep" };
    const expected: Record<string, { section: string; supporter: string }> = {
      ru: { section: "Мы обращаемся к Вам от имени", supporter: "Я обращаюсь к Вам" },
      de: { section: "bitten wir Sie um Ihre Unterstützung", supporter: "ich bitte Sie um Ihre Unterstützung" },
      fr: { section: "nous vous demandons votre aide", supporter: "Je vous écris" },
    };
    for (const template of campaign.templates.filter((t) => t.language !== "en")) {
      const words = expected[template.language];
      if (!words) throw new Error(template.language);
      const bySection = render(template.body, letterContext(variables, target, section, "1 December 2026"));
      const bySupporter = render(template.body, letterContext(variables, target, supporter, "1 December 2026"));
      expect(bySection).toContain(words.section);
      expect(bySupporter).toContain(words.supporter);
      expect(bySupporter).not.toContain(words.section);
      expect(bySupporter).toContain("https://letters.example.org/cases/dck-supporters-2019");
      // The people are named in the letter, whatever its language.
      expect(bySection).toContain(variables.people[0]?.name);
    }
  });

  it("a supporter's letters go in their language where the target reads it, with the language named", async () => {
    const draft = (language: string) =>
      draftSupporterLetters({ campaign, country: "DE", name: "Anna Schmidt", city: null, appUrl: "https://letters.example.org", language });
    const german = await draft("de");
    const languageFor = (drafts: typeof german, name: string) => drafts.find((d) => d.targetName === name)?.language;
    const germanMep = german.find((d) => d.targetKind === "mep");
    expect(germanMep?.language).toBe("de");
    expect(germanMep?.body).toMatch(/^Guten Tag /);
    // No German letter for an embassy: the Russian one, which the embassy reads.
    expect(languageFor(german, "Embassy of Kazakhstan in Germany")).toBe("ru");

    // The officials read English and Russian: an English-speaking supporter writes in English.
    const english = await draft("en");
    expect(languageFor(english, "Prosecutor General of the Republic of Kazakhstan")).toBe("en");
    expect(languageFor(german, "Prosecutor General of the Republic of Kazakhstan")).toBe("ru");
  });

  it("the template preview names the language the chosen target's letter goes in", async () => {
    const official = await prisma.target.findFirstOrThrow({ where: { name: "Prosecutor General of the Republic of Kazakhstan" } });
    const english = campaign.templates.find((t) => t.language === "en" && t.targetKind === null);
    if (!english) throw new Error("no English template");
    const preview = await previewTemplate({
      template: english,
      campaignId: campaign.id,
      organisationId: campaign.organisationId,
      targetId: official.id,
      sectionId: null,
      appUrl: "https://letters.example.org",
    });
    expect(preview).toMatchObject({ recipientLanguage: "Русский" });
  });
});

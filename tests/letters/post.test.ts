// Letters for post: a PDF only for letters whose target has a postal address; otherwise the page
// says why and the PDF address answers with a readable refusal.
import { describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { prisma } from "~/db.server";
import * as lettersPage from "~/routes/admin.campaigns.$campaignId.letters";
import * as letterPdf from "~/routes/admin.letters.$letterId.pdf";
import * as batchPdf from "~/routes/admin.campaigns.$campaignId.letters.pdf";
import { generateLetters } from "~/letters/letter.server";
import {
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  settle,
  testContext,
} from "../support/factories";

async function world() {
  const { organisation } = await createOrganisation();
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const c = await createCase({ organisationId: organisation.id });
  const withAddress = await createTarget(organisation.id, {
    kind: "official",
    name: "Prosecutor General",
    country: "KZ",
    body: "General Prosecutor's Office",
    postalAddress: "Mangilik El 14\n010000 Astana\nKazakhstan",
  });
  const withoutAddress = await createTarget(organisation.id, { kind: "embassy", name: "Embassy of Kazakhstan in Belgium", country: "BE" });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "About {{ case.title }}", body: "{{ target.name }},\n\nPlease release them." }],
  });
  await generateLetters({ organisationId: organisation.id, campaignId: campaign.id, sectionId: null, appUrl: "http://localhost" });
  const letters = await prisma.letter.findMany({ where: { campaignId: campaign.id } });
  const letterTo = (targetId: string) => letters.find((l) => l.targetId === targetId)!;
  return { organisation, organiser, campaign, withAddress, withoutAddress, letterTo, cookie: await cookieFor(organiser.id) };
}

const printOne = (letterId: string, cookie: string) =>
  settle(letterPdf.loader({ request: request(`/admin/letters/${letterId}/pdf`, { cookie }), params: { letterId }, context: testContext }));
const printAll = (campaignId: string, cookie: string) =>
  settle(
    batchPdf.loader({
      request: request(`/admin/campaigns/${campaignId}/letters/pdf?sender=organisation`, { cookie }),
      params: { campaignId },
      context: testContext,
    }),
  );

describe("letters for post", () => {
  it("refuses the PDF of a letter whose target has no postal address, saying why", async () => {
    const w = await world();
    const refused = await printOne(w.letterTo(w.withoutAddress.id).id, w.cookie);
    expect(refused.status).toBe(409);
    expect(refused.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(await refused.text()).toMatch(/cannot be printed for post: Embassy of Kazakhstan in Belgium has no postal address/);

    const printed = await printOne(w.letterTo(w.withAddress.id).id, w.cookie);
    expect(printed.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await extractText(new Uint8Array(await printed.arrayBuffer()), { mergePages: true });
    expect(text).toContain("Mangilik El 14");
    expect(text).toContain("General Prosecutor's Office");
  });

  it("prints an address added after the letter was written", async () => {
    const w = await world();
    const letter = w.letterTo(w.withoutAddress.id);
    await prisma.target.update({ where: { id: w.withoutAddress.id }, data: { postalAddress: "Avenue Van Bever 30\n1180 Uccle" } });
    const printed = await printOne(letter.id, w.cookie);
    const { text } = await extractText(new Uint8Array(await printed.arrayBuffer()), { mergePages: true });
    expect(text).toContain("Avenue Van Bever 30");
  });

  it("puts only the letters with a postal address in the batch PDF, and the page says how many are left out", async () => {
    const w = await world();
    const batch = await printAll(w.campaign.id, w.cookie);
    expect(batch.headers.get("Content-Type")).toBe("application/pdf");
    const { totalPages, text } = await extractText(new Uint8Array(await batch.arrayBuffer()), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toContain("Prosecutor General");
    expect(text).not.toContain("Embassy of Kazakhstan in Belgium");

    const page = await lettersPage.loader({
      request: request(`/admin/campaigns/${w.campaign.id}/letters`, { cookie: w.cookie }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    });
    expect(page.post).toEqual({ printable: 1, withoutAddress: 1 });
  });

  it("answers the batch PDF with a readable refusal when no letter has a postal address", async () => {
    const w = await world();
    await prisma.target.update({ where: { id: w.withAddress.id }, data: { postalAddress: null } });
    const refused = await printAll(w.campaign.id, w.cookie);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/None of these letters can be printed for post: their targets have no postal address/);
  });
});

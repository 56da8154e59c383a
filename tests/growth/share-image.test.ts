// Share images: a real 1200×630 PNG from our own origin, named by absolute og:image tags with the
// same size, sent with a short max-age and an ETag, and drawn again when the count moves on.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { shownCount } from "~/growth/share-image.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as campaignImage from "~/routes/campaigns.$slug.share[.]png";
import * as casePage from "~/routes/cases.$slug";
import * as caseImage from "~/routes/cases.$slug_.share[.]png";
import { createCampaign, createCase, createOrganisation, request, settle, testContext } from "../support/factories";

let campaign: Awaited<ReturnType<typeof createCampaign>>;
let caseSlug: string;
beforeEach(async () => {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  caseSlug = c.slug;
  await prisma.person.create({ data: { caseId: c.id, name: "Асель Ержанова", status: "detained", description: "" } });
  campaign = await createCampaign(organisation.id, c.id, { templates: [{ language: "en", subject: "s", body: "b" }] });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them.", signatureGoal: 100, signatureCount: 7 } });
});

const location = { pathname: "/", search: "", hash: "", state: null, key: "default" };

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  // A PNG starts with its 8-byte signature, then the IHDR chunk: width and height, big-endian.
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function contentOf(tags: ReadonlyArray<Record<string, unknown>>, property: string): string | undefined {
  const found = tags.find((t) => t.property === property)?.content;
  return typeof found === "string" ? found : undefined;
}

async function fetchImage(path: string, headers: Record<string, string> = {}) {
  const slug = path.split("/")[2]!;
  const req = new Request(`http://localhost${path}`, { headers });
  const loader = path.startsWith("/cases/") ? caseImage.loader : campaignImage.loader;
  return (await settle(loader({ request: req, params: { slug }, context: testContext }))) as Response;
}

describe("a campaign's share image", () => {
  it("is a PNG of the size its og:image tags give, at the absolute address they name", async () => {
    const data = await campaignPage.loader({
      request: request(`/campaigns/${campaign.slug}`),
      params: { slug: campaign.slug },
      context: testContext,
    });
    const tags = campaignPage.meta({ data, params: {}, location, matches: [] });
    const tag = (property: string) => contentOf(tags, property);
    const imageUrl = tag("og:image");
    expect(imageUrl).toBe(`http://localhost/campaigns/${campaign.slug}/share.png`);
    expect(tags).toContainEqual({ name: "twitter:card", content: "summary_large_image" });
    expect(tags).toContainEqual({ name: "twitter:image", content: imageUrl });

    const response = await fetchImage(new URL(imageUrl!).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+$/);
    const size = pngSize(new Uint8Array(await response.arrayBuffer()));
    expect(size).toEqual({ width: Number(tag("og:image:width")), height: Number(tag("og:image:height")) });
    expect(size).toEqual({ width: 1200, height: 630 });
  });

  it("answers 304 to its ETag, and changes when the count changes", async () => {
    const first = await fetchImage(`/campaigns/${campaign.slug}/share.png`);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchImage(`/campaigns/${campaign.slug}/share.png`, { "If-None-Match": etag! });
    expect(again.status).toBe(304);

    await prisma.campaign.update({ where: { id: campaign.id }, data: { signatureCount: 8 } });
    const moved = await fetchImage(`/campaigns/${campaign.slug}/share.png`, { "If-None-Match": etag! });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("ETag")).not.toBe(etag);
    expect(Buffer.from(await moved.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(false);
  });

  it("is not there for a draft campaign", async () => {
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: "draft" } });
    expect((await fetchImage(`/campaigns/${campaign.slug}/share.png`)).status).toBe(404);
  });
});

describe("a case's share image", () => {
  it("is named by the case page's og:image and is a 1200×630 PNG", async () => {
    const data = await casePage.loader({ request: request(`/cases/${caseSlug}`), params: { slug: caseSlug }, context: testContext });
    // What the page's meta function gets is the loader's data as JSON (dates as strings).
    const tags = casePage.meta({ data: JSON.parse(JSON.stringify(data)), params: {}, location, matches: [] });
    const image = contentOf(tags, "og:image");
    expect(image).toBe(`http://localhost/cases/${caseSlug}/share.png`);
    const response = await fetchImage(`/cases/${caseSlug}/share.png`);
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });
});

describe("the count an image shows", () => {
  it("is exact under 100 and rounded down after, so a busy campaign is not drawn for every signature", () => {
    expect(shownCount(99)).toEqual({ value: 99, exact: true });
    expect(shownCount(123)).toEqual({ value: 120, exact: false });
    expect(shownCount(12_345)).toEqual({ value: 12_000, exact: false });
    expect(shownCount(12_000)).toEqual({ value: 12_000, exact: true });
  });
});

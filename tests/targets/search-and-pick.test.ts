// Finding targets by name, reading countries and tags by their names, and picking many targets at
// once for a campaign: tick several, save once.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as exportCsv from "~/routes/admin.targets.export[.]csv";
import * as pickPage from "~/routes/admin.campaigns.$campaignId.targets";
import * as targetList from "~/routes/admin.targets._index";
import { tagName } from "~/targets/tag-names";
import { createCampaign, createCase, createTarget, request, settle, testContext } from "../support/factories";
import { organiser } from "./support";

async function directory() {
  const o = await organiser();
  const id = o.organisation.id;
  const be = await createTarget(id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Belgium",
    country: "BE",
    jurisdictions: ["BE", "LU"],
  });
  const de = await createTarget(id, { kind: "embassy", name: "Embassy of Kazakhstan in Germany", country: "DE" });
  const neumann = await createTarget(id, { kind: "mep", name: "Hannah Neumann", country: "DE", tags: ["droi", "afet"] });
  const satouri = await createTarget(id, { kind: "mep", name: "Mounir Satouri", country: "FR", tags: ["droi"] });
  const simon = await createTarget(id, { kind: "mep", name: "Sven Simon", country: "DE", tags: ["dcas"] });
  return { ...o, be, de, neumann, satouri, simon };
}

const list = (cookie: string, query = "") =>
  targetList.loader({ request: request(`/admin/targets${query}`, { cookie }), params: {}, context: testContext });

describe("the targets directory", () => {
  it("finds targets by part of their name, whatever the case, with the other filters", async () => {
    const { cookie } = await directory();
    expect((await list(cookie, "?q=germany")).targets.map((t) => t.name)).toEqual(["Embassy of Kazakhstan in Germany"]);
    expect((await list(cookie, "?q=Embassy")).total).toBe(2);
    expect((await list(cookie, "?q=mann&tag=droi")).targets.map((t) => t.name)).toEqual(["Hannah Neumann"]);
    expect((await list(cookie, "?q=Sven&tag=droi")).total).toBe(0);
    // The export takes the same search.
    const csv = await (
      (await exportCsv.loader({
        request: request("/admin/targets/export.csv?q=satouri", { cookie }),
        params: {},
        context: testContext,
      })) as Response
    ).text();
    expect(csv).toContain("Mounir Satouri");
    expect(csv).not.toContain("Hannah Neumann");
  });

  it("reads only the first 100 characters of a search, and a crafted one shows a list, not an error", async () => {
    const { cookie } = await directory();
    const long = await list(cookie, `?q=${"Embassy".padEnd(5_000, "x")}`);
    expect(long.filters.q).toHaveLength(100);
    expect(long.total).toBe(0);
    const controls = await list(cookie, `?q=${encodeURIComponent("Sven\u202e\u0000")}`);
    expect(controls.targets.map((t) => t.name)).toEqual(["Sven Simon"]);
    expect((await list(cookie, "?q=")).total).toBe(5);
  });

  it("names tags instead of showing committee codes, and keeps a tag it does not know", () => {
    expect(tagName("droi")).toBe("Human rights subcommittee (DROI)");
    expect(tagName("dcas")).toBe("Central Asia delegation (DCAS)");
    expect(tagName("epp")).toBe("EPP group");
    expect(tagName("kazakhstan")).toBe("kazakhstan");
  });
});

describe("picking targets for a campaign", () => {
  async function world() {
    const d = await directory();
    const c = await createCase({ organisationId: d.organisation.id });
    const campaign = await createCampaign(d.organisation.id, c.id, { templates: [] });
    const pickedIds = async () =>
      (await prisma.campaignTarget.findMany({ where: { campaignId: campaign.id } })).map((p) => p.targetId).sort();
    const search = (query: string) =>
      pickPage.loader({
        request: request(`/admin/campaigns/${campaign.id}/targets${query}`, { cookie: d.cookie }),
        params: { campaignId: campaign.id },
        context: testContext,
      });
    const submit = (fields: Array<[string, string]>) => {
      const body = new URLSearchParams(fields);
      return settle(
        pickPage.action({
          request: new Request(`http://localhost/admin/campaigns/${campaign.id}/targets`, {
            method: "POST",
            headers: { Cookie: d.cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: body.toString(),
          }),
          params: { campaignId: campaign.id },
          context: testContext,
        }),
      );
    };
    return { ...d, campaign, pickedIds, search, submit };
  }

  it("filters by name, country and tag, and saves several ticks with one submit", async () => {
    const w = await world();
    const droi = await w.search("?tag=droi");
    expect(droi.targets.map((t) => t.name)).toEqual(["Hannah Neumann", "Mounir Satouri"]);
    expect((await w.search("?country=DE&kind=mep")).targets.map((t) => t.name)).toEqual(["Hannah Neumann", "Sven Simon"]);
    // A country matches the targets answering for it too.
    expect((await w.search("?country=LU")).targets.map((t) => t.name)).toEqual(["Embassy of Kazakhstan in Belgium"]);
    expect((await w.search("?q=simon")).targets.map((t) => t.name)).toEqual(["Sven Simon"]);

    const shown = [w.be.id, w.de.id, w.neumann.id, w.satouri.id, w.simon.id];
    const saved = (await w.submit([
      ["intent", "save"],
      ...shown.map((id): [string, string] => ["shown", id]),
      ["picked", w.be.id],
      ["picked", w.neumann.id],
      ["picked", w.simon.id],
    ])) as Response;
    expect(((await saved.json()) as { message: string }).message).toBe("3 targets added to the campaign.");
    expect(await w.pickedIds()).toEqual([w.be.id, w.neumann.id, w.simon.id].sort());

    // Unticking one of the shown targets takes it off; targets not shown stay as they are.
    const untick = (await w.submit([
      ["intent", "save"],
      ["shown", w.neumann.id],
      ["shown", w.satouri.id],
      ["picked", w.satouri.id],
    ])) as Response;
    expect(((await untick.json()) as { message: string }).message).toBe("1 target added to the campaign. 1 target taken off.");
    expect(await w.pickedIds()).toEqual([w.be.id, w.satouri.id, w.simon.id].sort());
  });

  it("adds every target shown with one button, and ignores another organisation's target", async () => {
    const w = await world();
    const other = await organiser();
    const foreign = await createTarget(other.organisation.id, { kind: "mep", name: "Someone Else", country: "DE" });
    const added = (await w.submit([
      ["intent", "add-all"],
      ["shown", w.neumann.id],
      ["shown", w.satouri.id],
      ["shown", foreign.id],
    ])) as Response;
    expect(((await added.json()) as { message: string }).message).toBe("2 targets added to the campaign.");
    expect(await w.pickedIds()).toEqual([w.neumann.id, w.satouri.id].sort());
  });

  it("refuses a crafted form with a readable 400", async () => {
    const w = await world();
    const tooMany = (await w.submit([
      ["intent", "save"],
      ...Array.from({ length: 201 }, (_, i): [string, string] => ["shown", `id${i}`]),
    ])) as Response;
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/This form was sent incomplete or changed/);
    const badId = (await w.submit([
      ["intent", "save"],
      ["shown", "<script>"],
    ])) as Response;
    expect(badId.status).toBe(400);
    expect(await w.pickedIds()).toEqual([]);
  });
});

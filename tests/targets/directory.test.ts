// The target directory: organisers add, edit, filter and deactivate their own targets; another
// organisation's targets and imports answer 404 and never appear in a list or an export.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as exportCsv from "~/routes/admin.targets.export[.]csv";
import * as importStep from "~/routes/admin.targets.import.$importId";
import * as importPage from "~/routes/admin.targets.import._index";
import * as editTarget from "~/routes/admin.targets.$targetId";
import * as newTarget from "~/routes/admin.targets.new";
import * as targetList from "~/routes/admin.targets._index";
import { createTarget } from "~/targets/target.server";
import type { TargetInput } from "~/targets/target.schema";
import { cookieFor, createUser, request, settle, testContext } from "../support/factories";
import { organiser, uploadRequest } from "./support";

const embassy: TargetInput = {
  kind: "embassy",
  name: "Embassy of Kazakhstan in Belgium",
  position: null,
  body: "Embassy of Kazakhstan in Belgium",
  country: "BE",
  jurisdictions: ["BE", "LU"],
  email: "embassy-be@example.org",
  postalAddress: null,
  phone: null,
  fax: null,
  website: null,
  languages: ["fr", "en"],
  salutation: "Your Excellency",
  tags: ["kazakhstan"],
  notes: null,
};

const list = (cookie: string, query = "") =>
  targetList.loader({ request: request(`/admin/targets${query}`, { cookie }), params: {}, context: testContext });

describe("adding and editing a target", () => {
  it("answers a wrong field beside it, keeps what was typed, and saves nothing", async () => {
    const { organisation, cookie } = await organiser();
    const form = {
      kind: "embassy",
      name: "Embassy",
      country: "Belgium",
      jurisdictions: "BE, QQ",
      email: "not-an-email",
      website: "example.org",
      languages: "fr",
      tags: "",
    };
    const response = (await newTarget.action({
      request: request("/admin/targets/new", { cookie, form }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.status).toBe(400);
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.country).toEqual(["Not a country code: use the two-letter ISO code, e.g. BE."]);
    expect(failure.fieldErrors.jurisdictions).toEqual(["“QQ” is not a country code: use the two-letter ISO code, e.g. BE."]);
    expect(failure.fieldErrors.email?.[0]).toMatch(/email address like name@example.org/);
    expect(failure.fieldErrors.website?.[0]).toMatch(/https:\/\//);
    expect(failure.fieldErrors.name).toBeUndefined();
    expect(failure.values).toMatchObject(form);
    expect(await prisma.target.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("creates a target with its lists, edits it, deactivates and reactivates it", async () => {
    const { organisation, cookie } = await organiser();
    const form = {
      kind: "official",
      name: "Prosecutor General of the Republic of Kazakhstan",
      position: "Prosecutor General",
      country: "kz",
      jurisdictions: "kz",
      email: "Prosecutor@Example.org",
      languages: "en, RU",
      salutation: "Dear Prosecutor General",
      tags: "Kazakhstan, human rights",
      postalAddress: "",
    };
    const created = (await settle(
      newTarget.action({ request: request("/admin/targets/new", { cookie, form }), params: {}, context: testContext }),
    )) as Response;
    expect(created.status).toBe(302);
    const row = await prisma.target.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(created.headers.get("Location")).toBe(`/admin/targets/${row.id}?saved=1`);
    expect(row).toMatchObject({
      country: "KZ",
      jurisdictions: "|KZ|",
      email: "prosecutor@example.org",
      languages: "|en|ru|",
      tags: "|kazakhstan|human rights|",
      postalAddress: null,
      active: true,
    });

    const params = { targetId: row.id };
    const post = (form: Record<string, string>) =>
      editTarget.action({
        request: request(`/admin/targets/${row.id}`, { cookie, form }),
        params,
        context: testContext,
      }) as Promise<Response>;
    const page = await editTarget.loader({
      request: request(`/admin/targets/${row.id}`, { cookie }),
      params,
      context: testContext,
    });
    expect(page.target.tags).toEqual(["kazakhstan", "human rights"]);

    expect((await post({ ...form, intent: "update", postalAddress: "1 Example Street, Astana", languages: "" })).status).toBe(200);
    expect(await prisma.target.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      postalAddress: "1 Example Street, Astana",
      languages: "|en|",
    });

    await post({ intent: "deactivate" });
    expect((await prisma.target.findUniqueOrThrow({ where: { id: row.id } })).active).toBe(false);
    await post({ intent: "reactivate" });
    expect((await prisma.target.findUniqueOrThrow({ where: { id: row.id } })).active).toBe(true);
  });

  it("is for organisers only: a section member gets 403", async () => {
    const { organisation, section } = await organiser();
    const member = await createUser({ organisationId: organisation.id, role: "section_member", sectionId: section.id });
    const result = await settle(list(await cookieFor(member.id)));
    expect((result as Response).status).toBe(403);
  });
});

describe("the target list", () => {
  it("filters by kind, by country (located in or answering for) and by tag, a page at a time", async () => {
    const { organisation, cookie } = await organiser();
    const organisationId = organisation.id;
    await createTarget({ organisationId, data: embassy });
    await createTarget({
      organisationId,
      data: { ...embassy, name: "Embassy of Kazakhstan in Germany", country: "DE", jurisdictions: ["DE"], email: null },
    });
    for (let i = 0; i < 55; i++) {
      await createTarget({
        organisationId,
        data: {
          ...embassy,
          kind: "mep",
          name: `MEP ${String(i).padStart(2, "0")}`,
          country: "FR",
          jurisdictions: [],
          email: `mep${i}@example.org`,
          tags: i % 5 === 0 ? ["droi"] : ["afet"],
        },
      });
    }

    const all = await list(cookie);
    expect(all).toMatchObject({ total: 57, page: 1, pages: 2 });
    expect(all.targets).toHaveLength(50);
    expect(all.options.tags).toEqual(["afet", "droi", "kazakhstan"]);
    expect((await list(cookie, "?page=2")).targets).toHaveLength(7);

    expect((await list(cookie, "?kind=embassy")).targets.map((t) => t.name)).toEqual([
      "Embassy of Kazakhstan in Belgium",
      "Embassy of Kazakhstan in Germany",
    ]);
    expect((await list(cookie, "?country=lu")).targets.map((t) => t.name)).toEqual(["Embassy of Kazakhstan in Belgium"]);
    const droi = await list(cookie, "?kind=mep&tag=DROI");
    expect(droi.total).toBe(11);
    expect(droi.targets.every((t) => t.tags.includes("droi"))).toBe(true);
    // Nonsense in the query string is ignored rather than failing the page.
    expect((await list(cookie, "?kind=senator&country=Belgium&page=-3")).total).toBe(57);
  });

  it("says which targets' email bounced", async () => {
    const { organisation, cookie } = await organiser();
    await createTarget({ organisationId: organisation.id, data: { ...embassy, email: "Embassy-BE@Example.org" } });
    await createTarget({
      organisationId: organisation.id,
      data: { ...embassy, name: "Other embassy", email: "other@example.org" },
    });
    await prisma.suppressedAddress.create({ data: { address: "embassy-be@example.org", reason: "hard_bounce" } });
    const { targets } = await list(cookie);
    expect(targets.map((t) => [t.name, t.emailSuppression])).toEqual([
      ["Embassy of Kazakhstan in Belgium", "hard_bounce"],
      ["Other embassy", null],
    ]);
  });
});

describe("another organisation", () => {
  it("cannot see, edit, deactivate or export an organisation's targets, nor open its imports", async () => {
    const a = await organiser("Org A");
    const b = await organiser("Org B");
    const target = await createTarget({ organisationId: a.organisation.id, data: embassy });
    const params = { targetId: target.id };

    const view = await settle(
      editTarget.loader({ request: request(`/admin/targets/${target.id}`, { cookie: b.cookie }), params, context: testContext }),
    );
    expect((view as Response).status).toBe(404);
    for (const form of [{ intent: "update", ...{ kind: "other", name: "Hijacked" } }, { intent: "deactivate" }]) {
      const post = await settle(
        editTarget.action({
          request: request(`/admin/targets/${target.id}`, { cookie: b.cookie, form }),
          params,
          context: testContext,
        }),
      );
      expect((post as Response).status).toBe(404);
    }
    expect(await prisma.target.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      name: embassy.name,
      active: true,
    });

    expect((await list(b.cookie)).total).toBe(0);
    expect((await list(a.cookie)).total).toBe(1);
    const exported = (await exportCsv.loader({
      request: request("/admin/targets/export.csv", { cookie: b.cookie }),
      params: {},
      context: testContext,
    })) as Response;
    expect(await exported.text()).not.toContain("Embassy of Kazakhstan");

    // A's upload: B gets 404 on the page and on its buttons, and it is not in B's recent uploads.
    const uploaded = (await settle(
      importPage.action({
        request: uploadRequest(a.cookie, "a.csv", "kind,name\nmep,Jane Example\n"),
        params: {},
        context: testContext,
      }),
    )) as Response;
    const importId = (uploaded.headers.get("Location") ?? "").split("/").pop() ?? "";
    const importParams = { importId };
    const stepView = await settle(
      importStep.loader({
        request: request(`/admin/targets/import/${importId}`, { cookie: b.cookie }),
        params: importParams,
        context: testContext,
      }),
    );
    expect((stepView as Response).status).toBe(404);
    const stepPost = await settle(
      importStep.action({
        request: request(`/admin/targets/import/${importId}`, {
          cookie: b.cookie,
          form: { intent: "import", "map.kind": "column:kind", "map.name": "column:name" },
        }),
        params: importParams,
        context: testContext,
      }),
    );
    expect((stepPost as Response).status).toBe(404);
    expect(await prisma.target.count({ where: { organisationId: b.organisation.id } })).toBe(0);
    const uploadsOfB = await importPage.loader({
      request: request("/admin/targets/import", { cookie: b.cookie }),
      params: {},
      context: testContext,
    });
    expect(uploadsOfB.uploads).toEqual([]);
  });
});

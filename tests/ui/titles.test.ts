// Every page has its own <title>: each route module that renders a page (found on disk, so a new
// page is checked the day it is added) exports `meta`, and with the data its loader gives for a
// real record its title is non-empty, has no blank part, and names that page, unlike any other.
/// <reference types="vite/client" />
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "~/cases/person.server";
import { prisma } from "~/db.server";
import { generateLetters } from "~/letters/letter.server";
import { saveTargetImport } from "~/targets/import.server";
import {
  cookieFor,
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  testContext,
} from "../support/factories";

type MetaArgs = { data: unknown; params: Record<string, string>; location: unknown; matches: unknown[]; error: unknown };
type Handler = (args: { request: Request; params: Record<string, string>; context: typeof testContext }) => unknown;
type RouteModule = { loader?: Handler; meta?: (args: MetaArgs) => Array<Record<string, unknown>>; default?: unknown };

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const sources = import.meta.glob<string>("../../app/routes/*.{ts,tsx}", { eager: true, query: "?raw", import: "default" });

// Pages: route modules with a component. A layout (it renders an <Outlet />) gets its title from its pages.
const pages = Object.entries(modules)
  .filter(([file, module]) => module.default && !sources[file]?.includes("<Outlet"))
  .map(([file, module]) => {
    const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
    const paramNames = [...name.matchAll(/\$(\w+)/g)].map((m) => (m[1] ?? "").replace(/_$/, ""));
    return { name, paramNames, module };
  });

let cookie: string;
const valid: Record<string, string> = {};
let caseSlug: string;

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Titles org");
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  cookie = await cookieFor(organiser.id);
  const c = await createCase({ organisationId: organisation.id, title: "Journalists detained in Almaty" });
  caseSlug = c.slug;
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ name: "English letter", language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write." }],
  });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { title: "Free the journalists", petitionText: "Release them." } });
  const target = await createTarget(organisation.id, { kind: "embassy", name: "Embassy of Kazakhstan in Belgium", country: "BE" });
  const person = await createPerson(c.id, {
    name: "Oksana Shevchuk",
    description: "Journalist",
    heldAt: null,
    status: "pre_trial_detention",
    occurredOn: "2019-07",
    note: "Detained.",
    sourceId: c.sources[0]?.id ?? "",
  });
  const upload = await saveTargetImport({
    organisationId: organisation.id,
    userId: organiser.id,
    fileName: "embassies.csv",
    table: {
      format: "csv",
      delimiter: ",",
      headers: ["name", "kind"],
      records: [{ row: 2, values: { name: "Embassy", kind: "embassy" } }],
    },
  });
  await generateLetters({ campaignId: campaign.id, organisationId: organisation.id, sectionId: null, appUrl: "http://localhost" });
  const letter = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
  const email = await prisma.outboxEmail.create({
    data: {
      organisationId: organisation.id,
      dedupeKey: `t:${crypto.randomUUID()}`,
      kind: "invitation",
      fromAddress: "letters@example.org",
      toAddress: "someone@example.org",
      subject: "You are invited to Titles org",
      html: "<p>x</p>",
      text: "x",
      status: "sent",
      providerId: `dev-${crypto.randomUUID()}`,
    },
  });
  const update = await prisma.caseUpdate.create({ data: { caseId: c.id, title: "Oksana Shevchuk released", body: "She is home." } });
  Object.assign(valid, {
    updateId: update.id,
    letterId: letter.id,
    campaignId: campaign.id,
    caseId: c.id,
    targetId: target.id,
    personId: person.id,
    importId: upload.id,
    sectionId: section.id,
    templateId: campaign.templates[0]?.id ?? "",
    slug: campaign.slug,
    kind: "sources",
    factId: c.sources[0]?.id ?? "",
    emailId: email.id,
    token: crypto.randomBytes(24).toString("base64url"),
  });
});

/** What the page would get as `data`: the loader's plain result or its JSON; nothing when it redirects or refuses. */
async function loaderData(loader: Handler | undefined, args: Parameters<Handler>[0]): Promise<unknown> {
  if (!loader) return undefined;
  try {
    const result = await loader(args);
    if (!(result instanceof Response)) return result;
    return result.ok && result.headers.get("Content-Type")?.includes("json") ? await result.json() : undefined;
  } catch (thrown) {
    if (thrown instanceof Response) return undefined;
    throw thrown;
  }
}

describe("every page has its own title", () => {
  const titles = new Map<string, string>();

  it("finds the pages on disk", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.map((p) => p.name)).not.toContain("admin");
    expect(pages.map((p) => p.name)).toContain("admin._index");
  });

  for (const page of pages) {
    it(`${page.name}: a non-empty title of its own`, async () => {
      expect(page.module.meta, `${page.name} exports no meta`).toBeTypeOf("function");
      const params = Object.fromEntries(
        page.paramNames.map((p) => [p, p === "slug" && page.name.startsWith("cases.") ? caseSlug : (valid[p] ?? "x")]),
      );
      const data = await loaderData(page.module.loader, { request: request(`/${page.name}`, { cookie }), params, context: testContext });
      const descriptors =
        page.module.meta?.({ data, params, location: { pathname: "/", search: "", hash: "" }, matches: [], error: undefined }) ?? [];
      const title = descriptors.find((d) => "title" in d)?.title;
      expect(title, page.name).toBeTypeOf("string");
      const text = String(title);
      expect(text.trim()).not.toBe("");
      expect(text).not.toBe("Solidarity letters");
      // A blank part ("Campaign: : Solidarity letters") means the loader's data did not reach the title.
      expect(
        text.split(": ").every((part) => part.trim() !== ""),
        text,
      ).toBe(true);
      expect(text).not.toMatch(/undefined|null|\[object/);
      const other = [...titles].find(([, t]) => t === text);
      expect(other?.[0], `${page.name} has the same title as ${other?.[0]}: ${text}`).toBeUndefined();
      titles.set(page.name, text);
    });
  }

  it("names the record the page is about", () => {
    expect(titles.get("admin.campaigns.$campaignId._index")).toBe("Campaign: Free the journalists: Solidarity letters");
    expect(titles.get("cases.$slug")).toBe("Journalists detained in Almaty: Solidarity letters");
    expect(titles.get("admin.cases.$caseId.people.$personId")).toBe("Oksana Shevchuk: Solidarity letters");
    expect(titles.get("admin.letters.$letterId")).toBe("Letter to Embassy of Kazakhstan in Belgium: Solidarity letters");
  });
});

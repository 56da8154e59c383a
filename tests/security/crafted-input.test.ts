// Every route, hit with crafted ids, tokens and slugs (very long, unicode, `../`, NUL) and with
// missing or unknown intents, answers 4xx with a sentence: never a server error. The route modules
// are found on disk, so a new route is covered the day it is added.
/// <reference types="vite/client" />
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPerson } from "~/cases/person.server";
import { prisma } from "~/db.server";
import * as lettersPage from "~/routes/admin.campaigns.$campaignId.letters";
import { saveTargetImport } from "~/targets/import.server";
import { describeError } from "~/ui/error-message";
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

vi.hoisted(() => {
  process.env.RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from("test-webhook-secret-32-bytes-long!!").toString("base64")}`;
});

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof testContext }) => unknown;
type RouteModule = { loader?: Handler; action?: Handler };

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const routes = Object.entries(modules).map(([file, module]) => {
  const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
  // `$letterId_` is Remix's "not nested under $letterId" mark; the param is letterId.
  const paramNames = [...name.matchAll(/\$(\w+)/g)].map((m) => (m[1] ?? "").replace(/_$/, ""));
  // The URL the route answers (close enough for routes that read their own URL).
  const path = `/${name
    .replace(/\[\.\]/g, ".")
    .replace(/_index$/, "")
    .replace(/(^|\.)_?index$/, "")
    .split(".")
    .filter((p) => p !== "" && p !== "_index")
    .map((p) => p.replace(/_$/, ""))
    .join("/")}`;
  return { name, paramNames, path, module };
});

const crafted = ["x".repeat(5000), "日本語🙂", "../../etc/passwd", "%00", "\u0000", "a/../b", "' OR 1=1 --"];

/** What Remix would answer: the status of a returned or thrown Response (200 for plain data). */
async function statusOf(run: () => unknown): Promise<{ status: number; text: string }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, text: await result.clone().text() };
    return { status: 200, text: "" };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.clone().text() };
    // Anything else is a 500 in Remix: show which route and what.
    return { status: 500, text: thrown instanceof Error ? `${thrown.name}: ${thrown.message}`.slice(0, 300) : String(thrown) };
  }
}

let organiserCookie: string;
let memberCookie: string;
const valid: Record<string, string> = {};

beforeAll(async () => {
  const { organisation, section } = await createOrganisation("Crafted input org");
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const member = await createUser({ organisationId: organisation.id, role: "section_member", sectionId: section.id });
  organiserCookie = await cookieFor(organiser.id);
  memberCookie = await cookieFor(member.id);
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "About {{ case.title }}", body: "{{ target.salutation }}, we write about {{ case.title }}." }],
  });
  const target = await createTarget(organisation.id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Belgium",
    country: "BE",
    email: "embassy@example.org",
  });
  const person = await createPerson(c.id, {
    name: "Oksana Shevchuk",
    description: "Mother",
    heldAt: null,
    status: "pre_trial_detention",
    occurredOn: "2019-07",
    note: "Detained.",
    sourceId: c.sources[0]?.id ?? "",
  });
  const upload = await saveTargetImport({
    organisationId: organisation.id,
    userId: organiser.id,
    fileName: "t.csv",
    table: {
      format: "csv",
      delimiter: ",",
      headers: ["name", "kind"],
      records: [{ row: 2, values: { name: "Embassy", kind: "embassy" } }],
    },
  });
  const generated = await lettersPage.action({
    request: request(`/admin/campaigns/${campaign.id}/letters`, { cookie: organiserCookie, form: { intent: "generate" } }),
    params: { campaignId: campaign.id },
    context: testContext,
  });
  expect(await (generated as Response).json()).toMatchObject({ message: "1 letter generated." });
  const letter = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
  Object.assign(valid, {
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
  });
});

const who = () =>
  [
    ["an organiser", organiserCookie],
    ["a section member", memberCookie],
    ["a stranger", undefined],
  ] as const;

describe("crafted URL params", () => {
  for (const route of routes.filter((r) => r.paramNames.length > 0)) {
    it(`${route.name}: answers 4xx to crafted ${route.paramNames.join(", ")}`, async () => {
      const failures: string[] = [];
      for (const [person, cookie] of who()) {
        for (const param of route.paramNames) {
          for (const value of crafted) {
            const params = { ...Object.fromEntries(route.paramNames.map((p) => [p, valid[p] ?? "x"])), [param]: value };
            for (const kind of ["loader", "action"] as const) {
              const handler = route.module[kind];
              if (!handler) continue;
              const req = request(route.path, { cookie, ...(kind === "action" ? { form: { intent: "update" } } : {}) });
              const { status, text } = await statusOf(() => handler({ request: req, params, context: testContext }));
              if (status >= 500 || (status >= 400 && status !== 429 && !text.trim()))
                failures.push(`${kind} as ${person}, ${param}=${JSON.stringify(value.slice(0, 20))}: ${status} ${text.slice(0, 200)}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("crafted query strings", () => {
  const keys = [
    "sender",
    "page",
    "kind",
    "country",
    "tag",
    "q",
    "status",
    "email",
    "shown",
    "signed",
    "redirectTo",
    "from",
    "to",
    "section",
    "answer",
  ];
  for (const route of routes.filter((r) => r.module.loader)) {
    it(`${route.name}: answers its page or 4xx to crafted query values, never 500`, async () => {
      const params = Object.fromEntries(route.paramNames.map((p) => [p, valid[p] ?? "x"]));
      const failures: string[] = [];
      for (const value of crafted) {
        const query = new URLSearchParams(keys.map((k) => [k, value])).toString();
        const loader = route.module.loader;
        if (!loader) continue;
        const { status, text } = await statusOf(() =>
          loader({ request: request(`${route.path}?${query}`, { cookie: organiserCookie }), params, context: testContext }),
        );
        if (status >= 500) failures.push(`${JSON.stringify(value.slice(0, 20))}: ${status} ${text}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("forms with a missing or unknown intent", () => {
  for (const route of routes.filter((r) => r.module.action && r.name !== "logout")) {
    it(`${route.name}: answers 4xx (or its form's own errors), never 500`, async () => {
      const params = Object.fromEntries(route.paramNames.map((p) => [p, valid[p] ?? "x"]));
      const failures: string[] = [];
      const fieldNames = [
        "name",
        "email",
        "country",
        "city",
        "formStartedAt",
        "website",
        "subject",
        "body",
        "targetId",
        "id",
        "letterId",
        "templateId",
        "responseId",
        "emailId",
        "sender",
        "kind",
        "summary",
        "title",
        "slug",
        "password",
        "pick",
        "role",
        "sectionId",
        "receivedOn",
        "channel",
        "startsOn",
        "signatureGoal",
      ];
      const craftedFields = crafted.map((value) => Object.fromEntries(fieldNames.map((field) => [field, value])));
      const forms: Record<string, string>[] = [
        {},
        { intent: "no-such-intent" },
        { intent: "x".repeat(10_000) },
        { intent: "update\u0000" },
        ...craftedFields,
        ...craftedFields.map((fields) => ({ ...fields, intent: "update" })),
      ];
      for (const form of forms) {
        const handler = route.module.action;
        if (!handler) continue;
        const req = request(route.path, { cookie: organiserCookie, form });
        const { status, text } = await statusOf(() => handler({ request: req, params, context: testContext }));
        if (status >= 500) failures.push(`${JSON.stringify(form).slice(0, 40)}: ${status} ${text}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("answers an unknown intent with 400 and a sentence, on every page whose forms name one", async () => {
    for (const route of routes.filter((r) =>
      [
        "admin.organisation",
        "admin.targets.$targetId",
        "admin.campaigns.$campaignId._index",
        "admin.cases.$caseId._index",
        "admin.campaigns.$campaignId.letters",
        "admin.letters.$letterId",
        "admin.cases.$caseId.people.$personId",
        "admin.targets.import.$importId",
      ].includes(r.name),
    )) {
      const params = Object.fromEntries(route.paramNames.map((p) => [p, valid[p] ?? "x"]));
      const handler = route.module.action;
      if (!handler) throw new Error(`${route.name} has no action`);
      const { status, text } = await statusOf(() =>
        handler({
          request: request(route.path, { cookie: organiserCookie, form: { intent: "no-such-intent" } }),
          params,
          context: testContext,
        }),
      );
      expect(status, route.name).toBe(400);
      expect(text, route.name).toMatch(/does not know what this form asked/);
    }
  });
});

describe("the error page", () => {
  // What Remix hands the error boundary for a thrown Response.
  const thrown = (status: number, data: unknown) => ({ status, statusText: "", internal: false, data });

  it("shows the sentence the code gave with a 404 or 400, not a generic one", () => {
    expect(describeError(thrown(404, "No such campaign in your organisation."))).toEqual({
      title: "Page not found",
      text: "No such campaign in your organisation.",
    });
    expect(describeError(thrown(400, "This page does not know what this form asked it to do."))).toMatchObject({
      title: "Not understood",
      text: "This page does not know what this form asked it to do.",
    });
  });

  it("falls back to a sentence for the status when the code gave none, or Remix's developer message", () => {
    expect(describeError(thrown(404, ""))).toMatchObject({ text: expect.stringMatching(/^We could not find this page/) });
    expect(describeError({ ...thrown(404, 'Error: No route matches URL "/nope"'), internal: true })).toMatchObject({
      text: expect.stringMatching(/^We could not find this page/),
    });
    expect(describeError(new Error("database locked"))).toEqual({
      title: "Something went wrong",
      text: expect.stringMatching(/could not be shown/),
    });
  });
});

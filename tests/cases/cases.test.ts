// Organisers edit cases and people; the public sees active and closed cases with their sources.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { recordStatusChange, createPerson, deleteStatusChange } from "~/cases/person.server";
import * as editCase from "~/routes/admin.cases.$caseId._index";
import * as newCase from "~/routes/admin.cases.new";
import * as home from "~/routes/_index";
import * as casePage from "~/routes/cases.$slug";
import * as healthz from "~/routes/healthz";
import { cookieFor, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

async function organiser() {
  const { organisation } = await createOrganisation();
  const user = await createUser({ organisationId: organisation.id, role: "organiser" });
  return { organisation, user, cookie: await cookieFor(user.id) };
}

describe("a person's status history", () => {
  it("starts with the first status, and the current status follows the newest date, not the latest entry", async () => {
    const { organisation } = await organiser();
    const c = await createCase({ organisationId: organisation.id });
    const sourceId = c.sources[0]!.id;
    const person = await createPerson(c.id, {
      name: "Valikhan Sultanov",
      description: "Activist",
      heldAt: null,
      status: "detained",
      occurredOn: "2021-07-06",
      note: "Taken to a police station.",
      sourceId,
    });
    await recordStatusChange(person.id, { status: "released", occurredOn: "2021-07-14", note: "Freed.", sourceId });
    // Entered later, but it happened earlier: history grows, the current status stays "released".
    const late = await recordStatusChange(person.id, {
      status: "psychiatric_detention",
      occurredOn: "2021-07-07",
      note: "Moved to a psychiatric hospital.",
      sourceId,
    });
    let row = await prisma.person.findUniqueOrThrow({ where: { id: person.id }, include: { statusChanges: true } });
    expect(row.status).toBe("released");
    expect(row.statusSince).toBe("2021-07-14");
    expect(row.statusChanges.map((s) => s.status).sort()).toEqual(["detained", "psychiatric_detention", "released"]);

    const released = row.statusChanges.find((s) => s.status === "released")!;
    await deleteStatusChange(person.id, released.id);
    row = await prisma.person.findUniqueOrThrow({ where: { id: person.id }, include: { statusChanges: true } });
    expect(row.status).toBe("psychiatric_detention");
    expect(row.statusSince).toBe("2021-07-07");
    expect(late.id).toBeTruthy();
  });
});

describe("editing a case", () => {
  it("shows a message beside each wrong field, keeps what was typed, and saves nothing", async () => {
    const { cookie } = await organiser();
    const form = {
      title: "Ok title",
      slug: "Not A Slug!",
      summary: "too short",
      country: "Kazakhstan",
      status: "active",
      startedOn: "2019-02-30",
    };
    const response = (await newCase.action({
      request: request("/admin/cases/new", { cookie, form }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.status).toBe(400);
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.slug?.[0]).toMatch(/lower-case letters/);
    expect(failure.fieldErrors.summary?.[0]).toMatch(/at least 20 characters/);
    expect(failure.fieldErrors.country?.[0]).toMatch(/two-letter country code/);
    expect(failure.fieldErrors.startedOn).toEqual(["This date does not exist."]);
    expect(failure.fieldErrors.title).toBeUndefined();
    expect(failure.values).toMatchObject(form);
    expect(await prisma.case.count({ where: { title: "Ok title" } })).toBe(0);
  });

  it("refuses an address another case already uses", async () => {
    const { cookie, organisation } = await organiser();
    const existing = await createCase({ organisationId: organisation.id });
    const form = { title: "Another case", slug: existing.slug, summary: "A summary that is long enough.", country: "kz", status: "draft" };
    const response = (await newCase.action({
      request: request("/admin/cases/new", { cookie, form }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.status).toBe(400);
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(failure.fieldErrors.slug).toEqual(["Another case already uses this address: choose another."]);
  });

  it("creates a draft that the public cannot see, then publishes it", async () => {
    const { cookie } = await organiser();
    const form = {
      title: "Journalists detained in Almaty",
      slug: "journalists-almaty",
      summary: "Two journalists were detained while covering a rally.",
      country: "kz",
      status: "draft",
      startedOn: "2022-01",
    };
    const created = (await settle(
      newCase.action({ request: request("/admin/cases/new", { cookie, form }), params: {}, context: testContext }),
    )) as Response;
    expect(created.status).toBe(302);
    const row = await prisma.case.findUniqueOrThrow({ where: { slug: "journalists-almaty" } });
    expect(row).toMatchObject({ country: "KZ", status: "draft", startedOn: "2022-01" });
    expect(created.headers.get("Location")).toBe(`/admin/cases/${row.id}`);

    const hidden = (await settle(
      casePage.loader({ request: request("/cases/journalists-almaty"), params: { slug: "journalists-almaty" }, context: testContext }),
    )) as Response;
    expect(hidden.status).toBe(404);
    expect((await home.loader()).cases.map((c) => c.slug)).not.toContain("journalists-almaty");

    const published = (await editCase.action({
      request: request(`/admin/cases/${row.id}`, {
        cookie,
        form: { ...form, intent: "update-case", status: "active", title: "Two journalists detained in Almaty" },
      }),
      params: { caseId: row.id },
      context: testContext,
    })) as Response;
    expect(published.status).toBe(200);
    const page = await casePage.loader({
      request: request("/cases/journalists-almaty"),
      params: { slug: "journalists-almaty" },
      context: testContext,
    });
    expect(page.case.title).toBe("Two journalists detained in Almaty");
    expect((await home.loader()).cases.map((c) => c.slug)).toContain("journalists-almaty");
  });

  it("adds a sourced event, refuses a source from another case, and adds a person with a first status", async () => {
    const { cookie, organisation } = await organiser();
    const c = await createCase({ organisationId: organisation.id });
    const other = await createCase({ organisationId: organisation.id });
    const post = (form: Record<string, string>) =>
      settle(
        editCase.action({ request: request(`/admin/cases/${c.id}`, { cookie, form }), params: { caseId: c.id }, context: testContext }),
      ) as Promise<Response>;

    const foreign = await post({
      intent: "add-event",
      occurredOn: "2019-07-06",
      description: "Rally dispersed.",
      sourceId: other.sources[0]!.id,
    });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { failure: { fieldErrors: Record<string, string[]> } }).failure.fieldErrors.sourceId).toEqual([
      "Choose one of this case's sources.",
    ]);
    const missing = await post({ intent: "add-event", occurredOn: "2019-07-06", description: "Rally dispersed.", sourceId: "" });
    expect(((await missing.json()) as { failure: { fieldErrors: Record<string, string[]> } }).failure.fieldErrors.sourceId).toEqual([
      "Choose the source of this fact.",
    ]);
    expect(await prisma.caseEvent.count({ where: { caseId: c.id } })).toBe(0);

    expect(
      (await post({ intent: "add-event", occurredOn: "2019-07-06", description: "Rally dispersed.", sourceId: c.sources[0]!.id })).status,
    ).toBe(200);
    expect(await prisma.caseEvent.count({ where: { caseId: c.id } })).toBe(1);

    const person = await post({
      intent: "add-person",
      name: "Oksana Shevchuk",
      description: "Mother of a large family",
      heldAt: "Pre-trial detention centre, Almaty",
      status: "pre_trial_detention",
      occurredOn: "2019-07",
      note: "Placed in pre-trial detention.",
      sourceId: c.sources[0]!.id,
    });
    expect(person.status).toBe(302);
    const row = await prisma.person.findFirstOrThrow({ where: { caseId: c.id }, include: { statusChanges: true } });
    expect(row.status).toBe("pre_trial_detention");
    expect(row.statusChanges).toHaveLength(1);
  });
});

describe("public pages", () => {
  it("shows a case with its people, charges, timeline, demands and the source of each fact", async () => {
    const { organisation } = await organiser();
    const c = await createCase({ organisationId: organisation.id });
    const sourceId = c.sources[0]!.id;
    const person = await createPerson(c.id, {
      name: "Gulzipa Dzhaukerova",
      description: "Mother",
      heldAt: "Almaty",
      status: "pre_trial_detention",
      occurredOn: "2019-07",
      note: "Detained.",
      sourceId,
    });
    await prisma.charge.create({
      data: { personId: person.id, law: "Criminal Code", article: "405", description: "Taking part in a banned organisation", sourceId },
    });
    const page = await casePage.loader({ request: request(`/cases/${c.slug}`), params: { slug: c.slug }, context: testContext });
    const shown = page.case.people[0]!;
    expect(shown).toMatchObject({ name: "Gulzipa Dzhaukerova", status: "pre_trial_detention", heldAt: "Almaty" });
    expect(shown.charges[0]).toMatchObject({ article: "405", source: { id: sourceId } });
    expect(shown.statusChanges[0]?.source?.id).toBe(sourceId);
  });

  it("answers /healthz with 200 and says the database answers", async () => {
    const response = await healthz.loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "ok" });
  });
});

// Roles are enforced on the server in every loader and action; another organisation's data answers 404.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as editCase from "~/routes/admin.cases.$caseId._index";
import * as editFact from "~/routes/admin.cases.$caseId.$kind.$factId";
import * as newCase from "~/routes/admin.cases.new";
import * as editPerson from "~/routes/admin.cases.$caseId.people.$personId";
import * as adminIndex from "~/routes/admin._index";
import * as organisationPage from "~/routes/admin.organisation";
import { cookieFor, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

async function twoOrganisations() {
  const a = await createOrganisation("Org A");
  const b = await createOrganisation("Org B");
  const organiserA = await createUser({ organisationId: a.organisation.id, role: "organiser" });
  const organiserB = await createUser({ organisationId: b.organisation.id, role: "organiser" });
  const memberA = await createUser({ organisationId: a.organisation.id, role: "section_member", sectionId: a.section.id });
  const caseA = await createCase({ organisationId: a.organisation.id, title: "Case of org A" });
  return { a, b, organiserA, organiserB, memberA, caseA };
}

describe("access control", () => {
  it("sends a visitor who is not logged in to the login page, remembering where they wanted to go", async () => {
    const result = await settle(adminIndex.loader({ request: request("/admin"), params: {}, context: testContext }));
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin");
  });

  it("answers 404 when an organiser opens another organisation's case, and changes nothing when they post to it", async () => {
    const { organiserB, caseA } = await twoOrganisations();
    const cookie = await cookieFor(organiserB.id);
    const params = { caseId: caseA.id };

    const view = await settle(editCase.loader({ request: request(`/admin/cases/${caseA.id}`, { cookie }), params, context: testContext }));
    expect((view as Response).status).toBe(404);

    const post = await settle(
      editCase.action({
        request: request(`/admin/cases/${caseA.id}`, {
          cookie,
          form: { intent: "update-case", title: "Hijacked", slug: caseA.slug, summary: "x".repeat(30), country: "KZ", status: "active" },
        }),
        params,
        context: testContext,
      }),
    );
    expect((post as Response).status).toBe(404);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseA.id } })).title).toBe("Case of org A");

    const source = caseA.sources[0]!;
    const fact = await settle(
      editFact.loader({
        request: request(`/admin/cases/${caseA.id}/sources/${source.id}`, { cookie }),
        params: { caseId: caseA.id, kind: "sources", factId: source.id },
        context: testContext,
      }),
    );
    expect((fact as Response).status).toBe(404);
  });

  it("answers 404 for a person of another organisation even with a case id of one's own", async () => {
    const { a, organiserB, caseA, b } = await twoOrganisations();
    const person = await prisma.person.create({
      data: { caseId: caseA.id, name: "Aigerim", description: "Activist", status: "detained" },
    });
    const caseB = await createCase({ organisationId: b.organisation.id });
    const cookie = await cookieFor(organiserB.id);
    const result = await settle(
      editPerson.loader({
        request: request(`/admin/cases/${caseB.id}/people/${person.id}`, { cookie }),
        params: { caseId: caseB.id, personId: person.id },
        context: testContext,
      }),
    );
    expect((result as Response).status).toBe(404);
    expect(a.organisation.id).not.toBe(b.organisation.id);
  });

  it("refuses case editing to a section member with 403", async () => {
    const { memberA, caseA } = await twoOrganisations();
    const cookie = await cookieFor(memberA.id);
    const create = await settle(
      newCase.action({
        request: request("/admin/cases/new", {
          cookie,
          form: { title: "New case", slug: "new-case-by-member", summary: "x".repeat(30), country: "KZ", status: "active" },
        }),
        params: {},
        context: testContext,
      }),
    );
    expect((create as Response).status).toBe(403);
    expect(await prisma.case.count({ where: { slug: "new-case-by-member" } })).toBe(0);

    const edit = await settle(
      editCase.loader({ request: request(`/admin/cases/${caseA.id}`, { cookie }), params: { caseId: caseA.id }, context: testContext }),
    );
    expect((edit as Response).status).toBe(403);
  });

  it("lists only the organiser's own organisation's cases in the admin", async () => {
    const { organiserB, caseA, b } = await twoOrganisations();
    const caseB = await createCase({ organisationId: b.organisation.id, title: "Case of org B" });
    const cookie = await cookieFor(organiserB.id);
    const data = await adminIndex.loader({ request: request("/admin", { cookie }), params: {}, context: testContext });
    const ids = data.cases.map((c) => c.id);
    expect(ids).toContain(caseB.id);
    expect(ids).not.toContain(caseA.id);
  });

  it("lets only an owner invite organisers; an organiser may invite section members", async () => {
    const { a, organiserA } = await twoOrganisations();
    const cookie = await cookieFor(organiserA.id);
    const asOrganiser = await settle(
      organisationPage.action({
        request: request("/admin/organisation", {
          cookie,
          form: { intent: "invite", email: "new@example.org", role: "organiser", sectionId: "" },
        }),
        params: {},
        context: testContext,
      }),
    );
    expect((asOrganiser as Response).status).toBe(403);
    expect(await prisma.invitation.count({ where: { email: "new@example.org" } })).toBe(0);

    const member = await settle(
      organisationPage.action({
        request: request("/admin/organisation", {
          cookie,
          form: { intent: "invite", email: "member@example.org", role: "section_member", sectionId: a.section.id },
        }),
        params: {},
        context: testContext,
      }),
    );
    expect((member as Response).status).toBe(200);
    expect(await prisma.invitation.count({ where: { email: "member@example.org", organisationId: a.organisation.id } })).toBe(1);
  });

  it("refuses to invite into another organisation's section", async () => {
    const { organiserA, b } = await twoOrganisations();
    const cookie = await cookieFor(organiserA.id);
    const result = (await settle(
      organisationPage.action({
        request: request("/admin/organisation", {
          cookie,
          form: { intent: "invite", email: "spy@example.org", role: "section_member", sectionId: b.section.id },
        }),
        params: {},
        context: testContext,
      }),
    )) as Response;
    expect(result.status).toBe(400);
    const payload = (await result.json()) as { failure: { fieldErrors: Record<string, string[]> } };
    expect(payload.failure.fieldErrors.sectionId).toEqual(["Choose one of your sections."]);
    expect(await prisma.invitation.count({ where: { email: "spy@example.org" } })).toBe(0);
  });
});

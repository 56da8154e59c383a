// Deleting, removing and sending again ask first, saying what and whom: the first POST changes
// nothing and answers with the question; the same form confirmed does it.
import { describe, expect, it } from "vitest";
import { createPerson } from "~/cases/person.server";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import * as campaignPage from "~/routes/admin.campaigns.$campaignId._index";
import * as personPage from "~/routes/admin.cases.$caseId.people.$personId";
import * as organisationPage from "~/routes/admin.organisation";
import * as outboxPage from "~/routes/admin.outbox";
import { cookieFor, createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

type Action = (args: { request: Request; params: Record<string, string>; context: typeof testContext }) => Promise<unknown>;
type Asked = {
  confirm: { title: string; items: string[]; detail?: string; button: string; danger: boolean; fields: Record<string, string> };
};

async function world() {
  const { organisation, section } = await createOrganisation("Asks first org");
  const owner = await createUser({ organisationId: organisation.id, role: "owner" });
  const member = await prisma.user.update({
    where: { id: (await createUser({ organisationId: organisation.id, role: "section_member", sectionId: section.id })).id },
    data: { name: "Marie Dupont" },
  });
  const cookie = await cookieFor(owner.id);
  const c = await createCase({ organisationId: organisation.id });
  const post = async (action: Action, path: string, form: Record<string, string>, params: Record<string, string> = {}) =>
    (await settle(action({ request: request(path, { cookie, form }), params, context: testContext }))) as Response;
  /** Posts without confirmation, checks nothing changed, then posts the question's fields confirmed. */
  const askThenDo = async (
    action: Action,
    path: string,
    form: Record<string, string>,
    params: Record<string, string>,
    unchanged: () => Promise<unknown>,
  ) => {
    const before = await unchanged();
    const asked = (await (await post(action, path, form, params)).json()) as Asked;
    expect(await unchanged()).toEqual(before);
    const done = await post(action, path, { ...asked.confirm.fields, confirmed: "yes" }, params);
    return { asked: asked.confirm, done };
  };
  return { organisation, section, owner, member, c, post, askThenDo };
}

describe("asking before deleting", () => {
  it("names the template and the letters written from it, and deletes it only when confirmed", async () => {
    const w = await world();
    const campaign = await createCampaign(w.organisation.id, w.c.id, {
      templates: [{ name: "Embassies in French", language: "fr", targetKind: "embassy", subject: "s", body: "b" }],
    });
    const template = campaign.templates[0]!;
    const { asked, done } = await w.askThenDo(
      campaignPage.action,
      `/admin/campaigns/${campaign.id}`,
      { intent: "delete-template", templateId: template.id },
      { campaignId: campaign.id },
      () => prisma.letterTemplate.count({ where: { id: template.id } }),
    );
    expect(asked).toMatchObject({
      title: "Delete the template “Embassies in French”",
      items: ["Embassies in French · FR · Embassy or consulate"],
      danger: true,
    });
    expect(done.status).toBe(200);
    expect(await prisma.letterTemplate.count({ where: { id: template.id } })).toBe(0);
  });

  it("names the person, their charge and status change before deleting each", async () => {
    const w = await world();
    const person = await createPerson(w.c.id, {
      name: "Oksana Shevchuk",
      description: "Mother",
      heldAt: null,
      status: "pre_trial_detention",
      occurredOn: "2019-07",
      note: "Detained at the rally.",
      sourceId: w.c.sources[0]!.id,
    });
    const charge = await prisma.charge.create({
      data: { personId: person.id, article: "405", law: "Criminal Code", description: "Taking part in a banned group" },
    });
    const change = await prisma.statusChange.findFirstOrThrow({ where: { personId: person.id } });
    const path = `/admin/cases/${w.c.id}/people/${person.id}`;
    const params = { caseId: w.c.id, personId: person.id };

    const status = await w.askThenDo(personPage.action, path, { intent: "delete-status", id: change.id }, params, () =>
      prisma.statusChange.count({ where: { personId: person.id } }),
    );
    expect(status.asked).toMatchObject({
      title: "Delete a status change of Oksana Shevchuk",
      items: [expect.stringContaining("Detained at the rally.")],
      danger: true,
    });
    expect(await prisma.statusChange.count({ where: { personId: person.id } })).toBe(0);

    const charged = await w.askThenDo(personPage.action, path, { intent: "delete-charge", id: charge.id }, params, () =>
      prisma.charge.count({ where: { id: charge.id } }),
    );
    expect(charged.asked.items).toEqual(["Article 405 of the Criminal Code: Taking part in a banned group"]);
    expect(await prisma.charge.count({ where: { id: charge.id } })).toBe(0);

    const removed = await w.askThenDo(personPage.action, path, { intent: "delete-person" }, params, () =>
      prisma.person.count({ where: { id: person.id } }),
    );
    expect(removed.asked).toMatchObject({ title: "Delete Oksana Shevchuk", button: "Delete Oksana Shevchuk", danger: true });
    expect(removed.done.status).toBe(302);
    expect(await prisma.person.count({ where: { id: person.id } })).toBe(0);
  });
});

describe("asking before removing people from the organisation", () => {
  it("names the member before removing them, and the address before withdrawing an invitation", async () => {
    const w = await world();
    const removed = await w.askThenDo(
      organisationPage.action,
      "/admin/organisation",
      { intent: "remove-member", id: w.member.id },
      {},
      () => prisma.user.count({ where: { id: w.member.id } }),
    );
    expect(removed.asked).toMatchObject({
      title: "Remove Marie Dupont from Asks first org",
      items: [expect.stringContaining(`Marie Dupont (${w.member.email})`)],
      danger: true,
    });
    expect(await prisma.user.count({ where: { id: w.member.id } })).toBe(0);

    const invitation = await prisma.invitation.create({
      data: {
        organisationId: w.organisation.id,
        email: "new.volunteer@example.org",
        role: "section_member",
        sectionId: w.section.id,
        tokenHash: `hash-${Date.now()}`,
        invitedById: w.owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const withdrawn = await w.askThenDo(
      organisationPage.action,
      "/admin/organisation",
      { intent: "revoke-invitation", id: invitation.id },
      {},
      async () => (await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    );
    expect(withdrawn.asked).toMatchObject({ title: "Withdraw the invitation to new.volunteer@example.org", danger: true });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
  });
});

describe("asking before sending again", () => {
  it("names the address and subject of a failed email before putting it back in the queue", async () => {
    const w = await world();
    const { id } = await enqueueEmail(prisma, {
      dedupeKey: `asks-first-${Date.now()}`,
      kind: "letter",
      to: "embassy@example.org",
      subject: "Free the activists",
      html: "<p>x</p>",
      text: "x",
      organisationId: w.organisation.id,
    });
    await prisma.outboxEmail.update({ where: { id }, data: { status: "failed", lastError: "Refused" } });
    const retried = await w.askThenDo(
      outboxPage.action,
      "/admin/outbox",
      { intent: "retry", emailId: id },
      {},
      async () => (await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status,
    );
    expect(retried.asked).toMatchObject({ title: "Send this email again", items: ["embassy@example.org: Free the activists"] });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status).not.toBe("failed");
  });
});

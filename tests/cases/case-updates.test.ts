// Case updates from the organiser's side: publishing says how many signers it emails and asks
// first, the same form sent twice publishes and emails once, and each update can be edited,
// unpublished or deleted (after a question). Deleting a case's facts asks first too.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { fanOutCaseUpdates } from "~/cases/case-update.server";
import { prisma } from "~/db.server";
import * as caseAdmin from "~/routes/admin.cases.$caseId._index";
import * as updateEditor from "~/routes/admin.cases.$caseId.updates.$updateId";
import * as factEditor from "~/routes/admin.cases.$caseId.$kind.$factId";
import { addEvent } from "~/cases/case.server";
import * as casePage from "~/routes/cases.$slug";
import { encrypt, emailHash, signerLinkToken, tokenHash } from "~/security/crypto.server";
import { cookieFor, createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";

async function signer(campaignId: string, email: string, opts: { wantsUpdates: boolean; status?: string } = { wantsUpdates: true }) {
  const id = `s${crypto.randomBytes(8).toString("hex")}`;
  await prisma.signature.create({
    data: {
      id,
      campaignId,
      emailHash: emailHash(email),
      nameEnc: encrypt("A signer"),
      emailEnc: encrypt(email),
      country: "BE",
      wantsUpdates: opts.wantsUpdates,
      status: opts.status ?? "confirmed",
      tokenHash: tokenHash(signerLinkToken(id)),
      confirmationSentAt: new Date(),
    },
  });
}

async function world() {
  const { organisation } = await createOrganisation();
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, { templates: [] });
  const n = crypto.randomBytes(4).toString("hex");
  const second = await createCampaign(organisation.id, c.id, { templates: [] });
  await signer(campaign.id, `ana-${n}@example.org`);
  await signer(second.id, `ANA-${n}@example.org`); // the same person on the case's other petition: one email
  await signer(campaign.id, `bo-${n}@example.org`);
  await signer(campaign.id, `stopped-${n}@example.org`);
  await prisma.suppressedSupporter.create({ data: { emailHash: emailHash(`stopped-${n}@example.org`) } });
  await signer(campaign.id, `quiet-${n}@example.org`, { wantsUpdates: false });
  await signer(campaign.id, `pending-${n}@example.org`, { wantsUpdates: true, status: "pending" });
  const cookie = await cookieFor(organiser.id);
  const path = `/admin/cases/${c.id}`;
  const params = { caseId: c.id };
  type Page = Awaited<ReturnType<typeof caseAdmin.loader>>;
  const page = async (query = "") =>
    (await caseAdmin.loader({ request: request(`${path}${query}`, { cookie }), params, context: testContext })) as Page;
  const post = (form: Record<string, string>) =>
    settle(caseAdmin.action({ request: request(path, { cookie, form }), params, context: testContext })) as Promise<Response>;
  const caseUpdateEmails = () => prisma.outboxEmail.count({ where: { kind: "case-update", organisationId: organisation.id } });
  return { c, cookie, path, params, page, post, caseUpdateEmails };
}

const update = { intent: "publish-update", title: "Oksana Shevchuk released", body: "She was released today.", emailSigners: "on" };

describe("publishing a case update", () => {
  it("says how many signers it emails and asks first; the same form sent twice publishes and emails once", async () => {
    const w = await world();
    const shown = await w.page();
    expect(shown.audience).toBe(2);
    const form = { ...update, idempotencyKey: shown.publishKey };

    const asked = await w.post(form);
    expect(await asked.json()).toMatchObject({
      confirm: {
        title: "Publish and email 2 people",
        items: ["“Oksana Shevchuk released”"],
        detail: expect.stringContaining("2 people who signed or followed this case and asked for news get it by email"),
        fields: { idempotencyKey: shown.publishKey, emailSigners: "on" },
      },
    });
    expect(await prisma.caseUpdate.count({ where: { caseId: w.c.id } })).toBe(0);

    const published = await w.post({ ...form, confirmed: "yes" });
    expect(published.status).toBe(302);
    const [first] = await prisma.caseUpdate.findMany({ where: { caseId: w.c.id } });
    expect(published.headers.get("Location")).toBe(`/admin/cases/${w.c.id}?published=${first!.id}#updates`);
    // The page after publishing says so and offers an empty form with a new key.
    const after = await w.page(`?published=${first!.id}`);
    expect(after.published).toMatchObject({ title: "Oksana Shevchuk released", emailing: true, again: false });
    expect(after.publishKey).not.toBe(shown.publishKey);

    // The form sent again (still filled, still ticked): the update that exists, nothing new.
    const again = await w.post({ ...form, confirmed: "yes" });
    expect(again.headers.get("Location")).toBe(`/admin/cases/${w.c.id}?published=${first!.id}&again=1#updates`);
    expect((await w.page(`?published=${first!.id}&again=1`)).published?.again).toBe(true);
    expect(await prisma.caseUpdate.count({ where: { caseId: w.c.id } })).toBe(1);

    await fanOutCaseUpdates();
    await fanOutCaseUpdates();
    expect(await w.caseUpdateEmails()).toBe(2);
  });

  it("publishes once when the same form arrives twice at the same moment", async () => {
    const w = await world();
    const form = { ...update, idempotencyKey: (await w.page()).publishKey, confirmed: "yes" };
    const answers = await Promise.all([w.post(form), w.post(form), w.post(form)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302]);
    expect(await prisma.caseUpdate.count({ where: { caseId: w.c.id } })).toBe(1);
    await fanOutCaseUpdates();
    expect(await w.caseUpdateEmails()).toBe(2);
  });

  it("publishes without email after a question that says nobody is emailed", async () => {
    const w = await world();
    const form = { intent: "publish-update", title: update.title, body: update.body, idempotencyKey: (await w.page()).publishKey };
    expect(await (await w.post(form)).json()).toMatchObject({
      confirm: { title: "Publish the update", detail: expect.stringContaining("Nobody is emailed.") },
    });
    expect((await w.post({ ...form, confirmed: "yes" })).status).toBe(302);
    await fanOutCaseUpdates();
    expect(await w.caseUpdateEmails()).toBe(0);
  });

  it("refuses a form without its key, beside nothing typed lost", async () => {
    const w = await world();
    const refused = await w.post({ ...update, confirmed: "yes" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ failure: { values: { title: update.title } } });
    expect(await prisma.caseUpdate.count({ where: { caseId: w.c.id } })).toBe(0);
  });
});

describe("the list of a case's updates", () => {
  it("lists each update; unpublishing takes it off the public page and stops its emails; deleting asks first", async () => {
    const w = await world();
    const key = (await w.page()).publishKey;
    await w.post({ ...update, idempotencyKey: key, confirmed: "yes" });
    const listed = (await w.page()).updates;
    expect(listed.map((u) => u.title)).toEqual(["Oksana Shevchuk released"]);
    const id = listed[0]!.id;
    const publicUpdates = async () =>
      (
        (await casePage.loader({ request: request(`/cases/${w.c.slug}`), params: { slug: w.c.slug }, context: testContext })) as {
          case: { updates: Array<{ title: string }> };
        }
      ).case.updates.map((u) => u.title);
    expect(await publicUpdates()).toEqual(["Oksana Shevchuk released"]);

    // Unpublished before the worker reached it: gone from the public page, and nobody is emailed.
    expect((await w.post({ intent: "hide-update", updateId: id })).status).toBe(200);
    expect(await publicUpdates()).toEqual([]);
    await fanOutCaseUpdates();
    expect(await w.caseUpdateEmails()).toBe(0);
    expect((await w.page()).updates[0]!.hiddenAt).not.toBeNull();
    await w.post({ intent: "show-update", updateId: id });
    expect(await publicUpdates()).toEqual(["Oksana Shevchuk released"]);

    // Edited: the page shows the new words.
    const edited = await settle(
      updateEditor.action({
        request: request(`${w.path}/updates/${id}`, {
          cookie: w.cookie,
          form: { title: "Oksana Shevchuk is free", body: "Released today." },
        }),
        params: { caseId: w.c.id, updateId: id },
        context: testContext,
      }),
    );
    expect((edited as Response).status).toBe(302);
    expect(await publicUpdates()).toEqual(["Oksana Shevchuk is free"]);

    const asked = await w.post({ intent: "delete-update", updateId: id });
    expect(await asked.json()).toMatchObject({
      confirm: { title: "Delete the update", items: [expect.stringContaining("“Oksana Shevchuk is free”")], danger: true },
    });
    expect(await prisma.caseUpdate.count({ where: { id } })).toBe(1);
    await w.post({ intent: "delete-update", updateId: id, confirmed: "yes" });
    expect(await prisma.caseUpdate.count({ where: { id } })).toBe(0);
    expect(await publicUpdates()).toEqual([]);
  });
});

describe("deleting a case's facts", () => {
  it("names the source first and deletes it only when confirmed", async () => {
    const w = await world();
    const source = w.c.sources[0]!;
    const asked = await w.post({ intent: "delete-fact", kind: "sources", id: source.id });
    expect(await asked.json()).toMatchObject({
      confirm: {
        title: "Delete the source",
        items: ["Report on the rally (A human-rights group)"],
        danger: true,
        button: "Delete the source",
      },
    });
    expect(await prisma.source.count({ where: { id: source.id } })).toBe(1);
    await w.post({ intent: "delete-fact", kind: "sources", id: source.id, confirmed: "yes" });
    expect(await prisma.source.count({ where: { id: source.id } })).toBe(0);
  });

  it("asks first on the event's own page too, and deletes it when confirmed", async () => {
    const w = await world();
    const event = await addEvent(w.c.id, { occurredOn: "2019-07-06", description: "Rally in Almaty", sourceId: w.c.sources[0]!.id });
    const path = `${w.path}/events/${event.id}`;
    const params = { caseId: w.c.id, kind: "events", factId: event.id };
    const post = (form: Record<string, string>) =>
      settle(factEditor.action({ request: request(path, { cookie: w.cookie, form }), params, context: testContext })) as Promise<Response>;
    expect(await (await post({ intent: "delete" })).json()).toMatchObject({
      confirm: { title: "Delete this event", items: ["Rally in Almaty"], danger: true },
    });
    expect(await prisma.caseEvent.count({ where: { id: event.id } })).toBe(1);
    expect((await post({ intent: "delete", confirmed: "yes" })).status).toBe(302);
    expect(await prisma.caseEvent.count({ where: { id: event.id } })).toBe(0);
  });
});

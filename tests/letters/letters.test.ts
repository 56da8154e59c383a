// From case data to a letter: strict templates, one personal letter per target, frozen at
// generation, escaped in the email, sent once through the outbox, visible only to its section.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as templateEditor from "~/routes/admin.campaigns.$campaignId.templates.$templateId";
import * as lettersPage from "~/routes/admin.campaigns.$campaignId.letters";
import * as letterPage from "~/routes/admin.letters.$letterId";
import * as letterPdf from "~/routes/admin.letters.$letterId.pdf";
import * as batchPdf from "~/routes/admin.campaigns.$campaignId.letters.pdf";
import { extractText, getDocumentProxy } from "unpdf";
import { createPerson } from "~/cases/person.server";
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

const body = `{{ target.salutation }},

{% for person in people %}{{ person.name }} is {{ person.status }}.{% endfor %}

Case: {{ case.title }}. Summary: {{ case.summary }}

{{ sender.signatories }}`;

async function world() {
  const { organisation, section } = await createOrganisation("Solidarity test org");
  const berlin = await prisma.section.create({
    data: {
      organisationId: organisation.id,
      name: "Berlin group",
      country: "DE",
      city: "Berlin",
      contactEmail: "berlin-group@example.org",
      signatories: "Anna Schmidt\nJonas Weber",
    },
  });
  await prisma.section.update({ where: { id: section.id }, data: { signatories: "Marie Dupont" } });
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const brusselsMember = await createUser({ organisationId: organisation.id, role: "section_member", sectionId: section.id });
  const berlinMember = await createUser({ organisationId: organisation.id, role: "section_member", sectionId: berlin.id });
  const c = await createCase({ organisationId: organisation.id, title: "Activists <detained> & “charged”" });
  await prisma.case.update({
    where: { id: c.id },
    data: { summary: 'They were detained at a rally <script>alert("x")</script> & beaten.' },
  });
  await createPerson(c.id, {
    name: "Oksana Shevchuk",
    description: "Mother",
    heldAt: null,
    status: "pre_trial_detention",
    occurredOn: "2019-07",
    note: "Detained.",
    sourceId: c.sources[0]!.id,
  });
  const embassyBE = await createTarget(organisation.id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Belgium",
    country: "BE",
    languages: ["fr", "nl"],
    salutation: "Excellence",
    jurisdictions: ["BE", "LU"],
  });
  const embassyDE = await createTarget(organisation.id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Germany",
    country: "DE",
    languages: ["de"],
    salutation: "Exzellenz",
  });
  const mepBE = await createTarget(organisation.id, {
    kind: "mep",
    name: "Hilde Vautmans",
    country: "BE",
    languages: ["nl"],
    salutation: "Dear Ms Vautmans",
    tags: ["droi"],
  });
  const prosecutor = await createTarget(organisation.id, {
    kind: "official",
    name: "Prosecutor General",
    country: "KZ",
    languages: ["ru", "kk"],
    email: null,
    salutation: "Dear Prosecutor General",
    postalAddress: "Astana",
  });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [
      { language: "en", subject: "About {{ case.title }}", body },
      { language: "fr", targetKind: "embassy", subject: "Au sujet de {{ case.title }}", body: `FR ${body}` },
    ],
  });
  return {
    organisation,
    brussels: section,
    berlin,
    organiser,
    brusselsMember,
    berlinMember,
    campaign,
    embassyBE,
    embassyDE,
    mepBE,
    prosecutor,
  };
}

type Action = (args: { request: Request; params: Record<string, string>; context: typeof testContext }) => Promise<unknown>;
const post = (action: Action, path: string, cookie: string, form: Record<string, string>, params: Record<string, string>) =>
  settle(action({ request: request(path, { cookie, form }), params, context: testContext })) as Promise<Response>;

describe("letter templates", () => {
  it("refuses an unknown variable with its line and column, and saves nothing", async () => {
    const w = await world();
    const cookie = await cookieFor(w.organiser.id);
    const response = await post(
      templateEditor.action,
      `/admin/campaigns/${w.campaign.id}/templates/new`,
      cookie,
      { name: "Bad", language: "en", targetKind: "", subject: "Hello", body: "Dear friends,\nWe write about {{ case.titel }} today." },
      { campaignId: w.campaign.id, templateId: "new" },
    );
    expect(response.status).toBe(400);
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.body?.[0]).toMatch(/^Line 2, column \d+: undefined variable: case\.titel/);
    expect(failure.values.body).toContain("{{ case.titel }}");
    expect(await prisma.letterTemplate.count({ where: { campaignId: w.campaign.id } })).toBe(2);
  });

  it("refuses a syntax error with its line and column", async () => {
    const w = await world();
    const cookie = await cookieFor(w.organiser.id);
    const response = await post(
      templateEditor.action,
      `/admin/campaigns/${w.campaign.id}/templates/new`,
      cookie,
      {
        name: "Bad",
        language: "en",
        targetKind: "",
        subject: "Hello",
        body: "Dear friends, we write today.\n\n{% for p in people %}{{ p.name }}",
      },
      { campaignId: w.campaign.id, templateId: "new" },
    );
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(failure.fieldErrors.body?.[0]).toMatch(/^Line 3, column 1: tag \{% for p in people %\} not closed/);
  });

  it("refuses include tags: templates cannot read files", async () => {
    const w = await world();
    const cookie = await cookieFor(w.organiser.id);
    const response = await post(
      templateEditor.action,
      `/admin/campaigns/${w.campaign.id}/templates/new`,
      cookie,
      {
        name: "Sneaky",
        language: "en",
        targetKind: "",
        subject: "Hello",
        body: "Dear friends, we write today.\n{% include '/etc/passwd' %}",
      },
      { campaignId: w.campaign.id, templateId: "new" },
    );
    expect(response.status).toBe(400);
  });
});

describe("templates that would hold the server", () => {
  const hugeLoop = "Dear friends, we write today.\n{% for i in (1..100000000) %}{{ i }}{% endfor %}";
  const slowLoops =
    "Dear friends, we write today.\n{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}.{% endfor %}{% endfor %}{% endfor %}";

  for (const [what, hostile, message] of [
    ["a loop over a hundred million items", hugeLoop, /too long a list/],
    ["nested loops that would run for minutes", slowLoops, /takes too long/],
  ] as const) {
    it(`refuses ${what} at save, beside the body, at once`, async () => {
      const w = await world();
      const cookie = await cookieFor(w.organiser.id);
      const started = Date.now();
      const response = await post(
        templateEditor.action,
        `/admin/campaigns/${w.campaign.id}/templates/new`,
        cookie,
        { name: "Hostile", language: "en", targetKind: "", subject: "Hello", body: hostile },
        { campaignId: w.campaign.id, templateId: "new" },
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(response.status).toBe(400);
      const failure = (await response.json()) as { fieldErrors: Record<string, string[]> };
      expect(failure.fieldErrors.body?.[0]).toMatch(message);
      expect(await prisma.letterTemplate.count({ where: { campaignId: w.campaign.id } })).toBe(2);
    });
  }

  it("stops a hostile template already stored within a moment, and letter generation says why", async () => {
    const w = await world();
    // Stored before the limits existed (or written straight into the database).
    await prisma.letterTemplate.updateMany({ where: { campaignId: w.campaign.id }, data: { body: slowLoops } });
    const cookie = await cookieFor(w.brusselsMember.id);
    const started = Date.now();
    const generated = await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(((await generated.json()) as { message: string }).message).toMatch(/^Template .*takes too long to fill in/);
    expect(await prisma.letter.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });
});

describe("generating letters", () => {
  it("gives each of the section's targets its own letter, in its language, with its salutation and name", async () => {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    const path = `/admin/campaigns/${w.campaign.id}/letters`;
    const params = { campaignId: w.campaign.id };
    const generated = await post(lettersPage.action, path, cookie, { intent: "generate" }, params);
    expect(((await generated.json()) as { message: string }).message).toBe("3 letters generated.");

    const letters = await prisma.letter.findMany({ where: { campaignId: w.campaign.id }, include: { target: true } });
    // Brussels writes to Belgium's embassy and MEP and to the Kazakh official, not to Germany's embassy.
    expect(letters.map((l) => l.target.name).sort()).toEqual(["Embassy of Kazakhstan in Belgium", "Hilde Vautmans", "Prosecutor General"]);
    const embassy = letters.find((l) => l.targetId === w.embassyBE.id)!;
    expect(embassy).toMatchObject({ language: "fr", subject: "Au sujet de Activists <detained> & “charged”", sectionId: w.brussels.id });
    expect(embassy.body).toMatch(/^FR Excellence,/);
    const mep = letters.find((l) => l.targetId === w.mepBE.id)!;
    expect(mep.language).toBe("en");
    expect(mep.body).toMatch(/^Dear Ms Vautmans,/);
    expect(mep.body).toContain("Oksana Shevchuk is in pre-trial detention.");
    expect(mep.body).toContain("Marie Dupont");
    const official = letters.find((l) => l.targetId === w.prosecutor.id)!;
    expect(official.body).toMatch(/^Dear Prosecutor General,/);
    expect(official.recipientEmail).toBeNull();

    const again = await post(lettersPage.action, path, cookie, { intent: "generate" }, params);
    expect(((await again.json()) as { message: string }).message).toMatch(/^0 letters generated. 3 targets already had a letter/);
  });

  it("keeps a generated letter as it was when the template changes later", async () => {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    const before = await prisma.letter.findFirstOrThrow({ where: { targetId: w.mepBE.id } });
    const english = w.campaign.templates.find((t) => t.language === "en")!;
    await prisma.letterTemplate.update({ where: { id: english.id }, data: { body: "Completely different text for {{ target.name }}." } });
    const after = await prisma.letter.findFirstOrThrow({ where: { targetId: w.mepBE.id } });
    expect(after.body).toBe(before.body);
  });
});

describe("sending letters", () => {
  it("sends approved letters once through the outbox, with a reply-to of their own, and case text as text", async () => {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    const path = `/admin/campaigns/${w.campaign.id}/letters`;
    const params = { campaignId: w.campaign.id };
    await post(lettersPage.action, path, cookie, { intent: "generate" }, params);
    const nothingApproved = await post(lettersPage.action, path, cookie, { intent: "send-approved" }, params);
    expect(nothingApproved.status).toBe(409);
    expect(((await nothingApproved.json()) as { message: string }).message).toBe(
      "No approved letter has an email address: print them instead.",
    );

    // Approving all first says how many and which; nothing is approved until it is confirmed.
    const askedApprove = (await (await post(lettersPage.action, path, cookie, { intent: "approve-all" }, params)).json()) as {
      confirm: { title: string; items: string[]; fields: Record<string, string> };
    };
    expect(askedApprove.confirm.title).toBe("Approve all 3 letters");
    expect(askedApprove.confirm.items).toHaveLength(3);
    expect(await prisma.letter.count({ where: { campaignId: w.campaign.id, status: "approved" } })).toBe(0);
    await post(lettersPage.action, path, cookie, { ...askedApprove.confirm.fields, confirmed: "yes" }, params);
    expect(await prisma.letter.count({ where: { campaignId: w.campaign.id, status: "approved" } })).toBe(3);

    // Sending says what goes to whom; nothing is queued until it is confirmed.
    const askedSend = (await (await post(lettersPage.action, path, cookie, { intent: "send-approved" }, params)).json()) as {
      confirm: { title: string; items: string[]; detail: string; fields: Record<string, string> };
    };
    expect(askedSend.confirm.title).toBe("Send 2 letters");
    expect(askedSend.confirm.items.sort()).toEqual([w.embassyBE, w.mepBE].map((t) => expect.stringContaining(`<${t.email}>`)).sort());
    expect(askedSend.confirm.detail).toContain("1 letter without an email address stays for printing");
    expect(await prisma.outboxEmail.count({ where: { kind: "letter" } })).toBe(0);
    const sent = await post(lettersPage.action, path, cookie, { ...askedSend.confirm.fields, confirmed: "yes" }, params);
    expect(((await sent.json()) as { message: string }).message).toBe(
      "2 letters queued for sending. 1 letter without an email address: print it.",
    );

    const emails = await prisma.outboxEmail.findMany({ where: { kind: "letter" } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual([w.embassyBE.email, w.mepBE.email].sort());
    const letters = await prisma.letter.findMany({ where: { campaignId: w.campaign.id, status: "sent" } });
    for (const letter of letters) {
      const email = emails.find((e) => e.id === letter.outboxEmailId)!;
      expect(email.replyTo).toBe(`reply+${letter.replyToken}@replies.example.org`);
      expect(email.subjectId).toBe(letter.id);
    }
    const html = emails[0]!.html;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(emails[0]!.text).toContain('<script>alert("x")</script>');

    // Pressing the confirmed button again (a double click, a resent form) sends nothing more.
    const repeat = await post(lettersPage.action, path, cookie, { ...askedSend.confirm.fields, confirmed: "yes" }, params);
    expect(((await repeat.json()) as { message: string }).message).toMatch(/^0 letters queued/);
    expect(await prisma.outboxEmail.count({ where: { kind: "letter" } })).toBe(2);
  });

  it("asks before sending a letter to the same target a second time", async () => {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "approve-all", confirmed: "yes" },
      { campaignId: w.campaign.id },
    );
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "send-approved", confirmed: "yes" },
      { campaignId: w.campaign.id },
    );
    const letter = await prisma.letter.findFirstOrThrow({ where: { targetId: w.embassyBE.id } });
    const params = { letterId: letter.id };

    const asked = await post(letterPage.action, `/admin/letters/${letter.id}`, cookie, { intent: "send-again" }, params);
    expect(await asked.json()).toMatchObject({
      confirm: {
        title: `Send this letter to ${w.embassyBE.name} again`,
        items: [`${w.embassyBE.name} <${w.embassyBE.email}>`],
        detail: expect.stringContaining("already received it from"),
        fields: { intent: "send-again" },
      },
    });
    expect(await prisma.outboxEmail.count({ where: { subjectId: letter.id } })).toBe(1);

    const confirmed = await post(
      letterPage.action,
      `/admin/letters/${letter.id}`,
      cookie,
      { intent: "send-again", confirmed: "yes" },
      params,
    );
    expect(await confirmed.json()).toMatchObject({ message: "The letter is queued to be sent again." });
    expect(await prisma.outboxEmail.count({ where: { subjectId: letter.id } })).toBe(2);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).sendCount).toBe(2);
  });

  it("does not send while the campaign is not live", async () => {
    const w = await world();
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "draft" } });
    const cookie = await cookieFor(w.organiser.id);
    const path = `/admin/campaigns/${w.campaign.id}/letters`;
    await post(lettersPage.action, path, cookie, { intent: "generate" }, { campaignId: w.campaign.id });
    await post(lettersPage.action, path, cookie, { intent: "approve-all", confirmed: "yes" }, { campaignId: w.campaign.id });
    const refused = await post(
      lettersPage.action,
      path,
      cookie,
      { intent: "send-approved", confirmed: "yes" },
      { campaignId: w.campaign.id },
    );
    expect(refused.status).toBe(409);
    const letterIds = (await prisma.letter.findMany({ where: { campaignId: w.campaign.id }, select: { id: true } })).map((l) => l.id);
    expect(letterIds.length).toBeGreaterThan(0);
    expect(await prisma.outboxEmail.count({ where: { subjectId: { in: letterIds } } })).toBe(0);
  });
});

describe("reviewing one letter", () => {
  async function generated() {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    const letter = await prisma.letter.findFirstOrThrow({ where: { targetId: w.embassyBE.id } });
    return { w, cookie, letter, path: `/admin/letters/${letter.id}`, params: { letterId: letter.id } };
  }

  it("approves the text on the screen: edits not saved first are saved and approved together, and the page shows them", async () => {
    const { cookie, letter, path, params } = await generated();
    const edited = `${letter.body}\n\nWritten by our Brussels volunteers.`;
    const approved = await post(letterPage.action, path, cookie, { intent: "approve", subject: "Edited subject", body: edited }, params);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ message: "Approved: the text above is the one that will be sent." });
    const stored = await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(stored).toMatchObject({ status: "approved", subject: "Edited subject", body: edited });
    expect(stored.editedAt).not.toBeNull();
    const page = (await letterPage.loader({ request: request(path, { cookie }), params, context: testContext })) as {
      letter: { subject: string; body: string; status: string };
    };
    expect(page.letter).toMatchObject({ status: "approved", subject: "Edited subject", body: edited });
  });

  it("refuses to approve a text that is not valid, beside the field, and approves nothing", async () => {
    const { cookie, letter, path, params } = await generated();
    const refused = await post(letterPage.action, path, cookie, { intent: "approve", subject: letter.subject, body: "Too short" }, params);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      failure: { fieldErrors: { body: ["The letter needs at least 20 characters."] }, values: { body: "Too short" } },
    });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ status: "draft", body: letter.body });
  });

  it("asks before sending one letter, naming its recipient, and sends it with the text on the screen once confirmed", async () => {
    const { w, cookie, letter, path, params } = await generated();
    await post(letterPage.action, path, cookie, { intent: "approve", subject: letter.subject, body: letter.body }, params);
    const edited = `${letter.body}\n\nP.S. We will follow this case.`;
    const asked = await post(letterPage.action, path, cookie, { intent: "send", subject: letter.subject, body: edited }, params);
    expect(await asked.json()).toMatchObject({
      confirm: {
        title: `Send this letter to ${w.embassyBE.name}`,
        items: [`${w.embassyBE.name} <${w.embassyBE.email}>`],
        detail: expect.stringContaining("Your changes are saved with it."),
        fields: { intent: "send", body: edited },
      },
    });
    expect(await prisma.outboxEmail.count({ where: { subjectId: letter.id } })).toBe(0);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).body).toBe(letter.body);

    const sent = await post(
      letterPage.action,
      path,
      cookie,
      { intent: "send", subject: letter.subject, body: edited, confirmed: "yes" },
      params,
    );
    expect(await sent.json()).toMatchObject({ message: "The letter is queued for sending." });
    const emails = await prisma.outboxEmail.findMany({ where: { subjectId: letter.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("P.S. We will follow this case.");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ status: "sent", body: edited });

    // The same confirmed form again sends nothing more.
    const again = await post(
      letterPage.action,
      path,
      cookie,
      { intent: "send", subject: letter.subject, body: edited, confirmed: "yes" },
      params,
    );
    expect(again.status).toBe(409);
    expect(await prisma.outboxEmail.count({ where: { subjectId: letter.id } })).toBe(1);
  });
});

describe("reviewing dozens of letters", () => {
  it("filters the list by status and kind, shows each target's role, and steps through the letters in the list's order", async () => {
    const w = await world();
    await prisma.target.update({ where: { id: w.mepBE.id }, data: { position: "Vice-chair, Subcommittee on Human Rights" } });
    const cookie = await cookieFor(w.brusselsMember.id);
    const listPath = `/admin/campaigns/${w.campaign.id}/letters`;
    const listParams = { campaignId: w.campaign.id };
    await post(lettersPage.action, listPath, cookie, { intent: "generate" }, listParams);
    type List = { letters: Array<{ id: string; recipientName: string; status: string; target: { position: string | null } }> };
    const list = async (query: string) =>
      (await lettersPage.loader({ request: request(`${listPath}${query}`, { cookie }), params: listParams, context: testContext })) as List;

    const all = await list("");
    expect(all.letters.map((l) => l.recipientName)).toEqual([w.embassyBE.name, w.mepBE.name, w.prosecutor.name]);
    expect(all.letters[1]!.target.position).toBe("Vice-chair, Subcommittee on Human Rights");
    expect((await list("?kind=mep")).letters.map((l) => l.recipientName)).toEqual([w.mepBE.name]);
    expect((await list("?kind=nonsense&status=<script>")).letters).toHaveLength(3);

    const mep = all.letters[1]!;
    await post(
      letterPage.action,
      `/admin/letters/${mep.id}`,
      cookie,
      { intent: "approve", subject: "S", body: "x".repeat(30) },
      { letterId: mep.id },
    );
    expect((await list("?status=draft")).letters.map((l) => l.recipientName)).toEqual([w.embassyBE.name, w.prosecutor.name]);
    expect((await list("?status=approved&kind=mep")).letters.map((l) => l.recipientName)).toEqual([w.mepBE.name]);

    type Page = { neighbours: { previous: { id: string } | null; next: { id: string } | null; position: number | null; total: number } };
    const letterAt = async (id: string, query = "") =>
      (await letterPage.loader({
        request: request(`/admin/letters/${id}${query}`, { cookie }),
        params: { letterId: id },
        context: testContext,
      })) as Page;
    const [first, second, third] = all.letters.map((l) => l.id);
    expect((await letterAt(first!)).neighbours).toEqual({
      previous: null,
      next: { id: second, recipientName: w.mepBE.name },
      position: 1,
      total: 3,
    });
    expect((await letterAt(second!)).neighbours).toMatchObject({ previous: { id: first }, next: { id: third }, position: 2 });
    // With the list's filter, the approved letter is skipped; from it, the drafts on either side are its neighbours.
    expect((await letterAt(first!, "?status=draft")).neighbours).toMatchObject({
      previous: null,
      next: { id: third },
      position: 1,
      total: 2,
    });
    expect((await letterAt(second!, "?status=draft")).neighbours).toMatchObject({
      previous: { id: first },
      next: { id: third },
      position: null,
    });
  });
});

describe("who sees which letters", () => {
  it("shows a section member only their section's letters, and another section's letter answers 404", async () => {
    const w = await world();
    const brussels = await cookieFor(w.brusselsMember.id);
    const berlin = await cookieFor(w.berlinMember.id);
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      brussels,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      berlin,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );

    const berlinView = await lettersPage.loader({
      request: request(`/admin/campaigns/${w.campaign.id}/letters`, { cookie: berlin }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    });
    expect(berlinView.letters.map((l) => l.recipientName).sort()).toEqual(["Embassy of Kazakhstan in Germany", "Prosecutor General"]);

    // Asking for Brussels's letters by URL does not help a Berlin member.
    const sneaky = await lettersPage.loader({
      request: request(`/admin/campaigns/${w.campaign.id}/letters?sender=${w.brussels.id}`, { cookie: berlin }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    });
    expect(sneaky.sender.key).toBe(w.berlin.id);

    const brusselsLetter = await prisma.letter.findFirstOrThrow({ where: { sectionId: w.brussels.id } });
    const denied = (await settle(
      letterPage.loader({
        request: request(`/admin/letters/${brusselsLetter.id}`, { cookie: berlin }),
        params: { letterId: brusselsLetter.id },
        context: testContext,
      }),
    )) as Response;
    expect(denied.status).toBe(404);
    const edit = await post(
      letterPage.action,
      `/admin/letters/${brusselsLetter.id}`,
      berlin,
      { intent: "edit", subject: "Hijacked", body: "x".repeat(30) },
      { letterId: brusselsLetter.id },
    );
    expect(edit.status).toBe(404);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: brusselsLetter.id } })).subject).not.toBe("Hijacked");
  });

  it("hides a draft campaign from section members", async () => {
    const w = await world();
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "draft" } });
    const cookie = await cookieFor(w.brusselsMember.id);
    const result = (await settle(
      lettersPage.loader({
        request: request(`/admin/campaigns/${w.campaign.id}/letters`, { cookie }),
        params: { campaignId: w.campaign.id },
        context: testContext,
      }),
    )) as Response;
    expect(result.status).toBe(404);
  });
});

describe("printing letters", () => {
  it("prints one letter, and a section's whole batch, as A4 PDFs with the letters' text", async () => {
    const w = await world();
    const cookie = await cookieFor(w.brusselsMember.id);
    await post(
      lettersPage.action,
      `/admin/campaigns/${w.campaign.id}/letters`,
      cookie,
      { intent: "generate" },
      { campaignId: w.campaign.id },
    );
    const official = await prisma.letter.findFirstOrThrow({ where: { targetId: w.prosecutor.id } });

    const one = (await letterPdf.loader({
      request: request(`/admin/letters/${official.id}/pdf`, { cookie }),
      params: { letterId: official.id },
      context: testContext,
    })) as Response;
    expect(one.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await extractText(new Uint8Array(await one.arrayBuffer()), { mergePages: true });
    expect(text).toContain("Prosecutor General");
    expect(text).toContain("Dear Prosecutor General,");
    expect(text).toContain("Marie Dupont");
    expect(text).toContain("Astana");

    // Only letters whose target has a postal address go into the PDF for post.
    await prisma.target.updateMany({
      where: { id: { in: [w.embassyBE.id, w.mepBE.id] } },
      data: { postalAddress: "Rue Wiertz 60\n1047 Brussels" },
    });
    const batch = (await batchPdf.loader({
      request: request(`/admin/campaigns/${w.campaign.id}/letters/pdf`, { cookie }),
      params: { campaignId: w.campaign.id },
      context: testContext,
    })) as Response;
    const pdf = await getDocumentProxy(new Uint8Array(await batch.arrayBuffer()));
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
    const page = await pdf.getPage(1);
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
  });
});

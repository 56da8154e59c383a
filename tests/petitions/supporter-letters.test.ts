// A supporter writes their own letter: the campaign's letter for their country, with their name and
// city. Sent through the app, it goes only after they confirm from their inbox that they wrote it
// (nobody can send in someone else's name); opened in their mail program, it is counted.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import { purgeSignerData } from "~/petitions/retention.server";
import * as writePage from "~/routes/campaigns.$slug.write";
import * as sendPage from "~/routes/s.$token.send";
import * as unsubscribePage from "~/routes/s.$token.unsubscribe";
import * as deletePage from "~/routes/s.$token.delete";
import { formStamp } from "~/security/crypto.server";
import { body, createCampaign, createCase, createOrganisation, createTarget, request, settle, testContext } from "../support/factories";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id, title: "Activists detained" });
  const embassyBE = await createTarget(organisation.id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Belgium",
    country: "BE",
    email: "embassy.be@example.org",
    salutation: "Excellency",
  });
  const embassyDE = await createTarget(organisation.id, {
    kind: "embassy",
    name: "Embassy of Kazakhstan in Germany",
    country: "DE",
    email: "embassy.de@example.org",
  });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [
      {
        language: "en",
        subject: "About {{ case.title }}",
        body: "{{ target.salutation }},\n\nI write about {{ case.title }}.\n\n{{ sender.name }}, {{ sender.city }}",
      },
    ],
  });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { targetKinds: "|embassy|" } });
  return { organisation, campaign, embassyBE, embassyDE };
}

beforeEach(async () => {
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.supporterLetter.deleteMany();
  await prisma.suppressedSupporter.deleteMany();
  w = await world();
});

const path = () => `/campaigns/${w.campaign.slug}/write`;
const params = () => ({ slug: w.campaign.slug });

let lastStampAt = 0;
function letterForm(fields: Record<string, string> = {}) {
  return {
    intent: "send",
    targetId: w.embassyBE.id,
    name: "Ana Peeters",
    city: "Ghent",
    country: "BE",
    subject: "About Activists detained",
    body: "Excellency,\n\nI write about the activists detained for a post. Please release them.\n\nAna Peeters, Ghent",
    email: "ana@example.org",
    // Each submission its own stamp: a stamp is good for one submission.
    formStartedAt: formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1))),
    website: "",
    ...fields,
  };
}

const write = async (fields: Record<string, string> = {}) =>
  (await settle(
    writePage.action({ request: request(path(), { form: letterForm(fields) }), params: params(), context: testContext }),
  )) as Response;

async function tokenFromConfirmation(): Promise<string> {
  const email = readable(
    await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-supporter-letter" }, orderBy: { createdAt: "desc" } }),
  );
  const token = email.text.match(/\/s\/([A-Za-z0-9_-]+)\/send/)?.[1];
  if (!token) throw new Error("No send link in the confirmation email");
  return token;
}

const lettersToTargets = () => prisma.outboxEmail.findMany({ where: { kind: "supporter-letter" } }).then((rows) => rows.map(readable));
const counts = () =>
  prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id }, select: { supporterLettersSent: true, supporterLettersMailto: true } });

describe("writing one's own letter", () => {
  it("drafts the campaign's letter for the targets of the supporter's country, with their name and city", async () => {
    // Posted, not put in the URL: a name or city never lands in a server log or the browser's history.
    const answer = (await writePage.action({
      request: request(path(), { form: { intent: "draft", name: "Ana Peeters", city: "Ghent", country: "BE" } }),
      params: params(),
      context: testContext,
    })) as Response;
    const data = (await body(answer)) as { drafts: Array<{ targetName: string; body: string; subject: string }> };
    expect(data.drafts.map((d) => d.targetName)).toEqual(["Embassy of Kazakhstan in Belgium"]);
    expect(data.drafts[0]!.subject).toBe("About Activists detained");
    expect(data.drafts[0]!.body).toMatch(/^Excellency,/);
    expect(data.drafts[0]!.body).toContain("Ana Peeters, Ghent");
  });

  it("sends nothing to the target until the writer confirms from their inbox; then it goes once, in their name, with replies to them", async () => {
    const answer = await write();
    expect(await body(answer)).toMatchObject({ letter: { sent: true, failure: null } });
    // Only the confirmation went to the writer, encrypted at rest, with one-click stop.
    const confirmation = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-supporter-letter" } }));
    expect(confirmation.toAddress).toBe("ana@example.org");
    expect(confirmation.subject).toBe("Send your letter to Embassy of Kazakhstan in Belgium?");
    // The letter's words are not in it: the app must not carry a stranger's text to any address typed.
    expect(confirmation.text).not.toContain("I write about the activists detained for a post.");
    expect(confirmation.html).not.toContain("Please release them");
    expect(JSON.parse(confirmation.headers ?? "{}")).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(await lettersToTargets()).toHaveLength(0);
    expect((await counts()).supporterLettersSent).toBe(0);

    const token = await tokenFromConfirmation();
    // Opening the link (or a mail scanner opening it) shows the letter and sends nothing.
    const page = await sendPage.loader({ request: request(`/s/${token}/send`), params: { token }, context: testContext });
    expect(page).toMatchObject({ sent: false, targetName: "Embassy of Kazakhstan in Belgium", subject: "About Activists detained" });
    expect(await lettersToTargets()).toHaveLength(0);

    // The button sends it; pressing it twice sends it once.
    const press = () => sendPage.action({ request: request(`/s/${token}/send`, { form: {} }), params: { token }, context: testContext });
    expect(await body(await press())).toEqual({ outcome: "sent" });
    expect(await body(await press())).toEqual({ outcome: "already-sent" });
    const letters = await lettersToTargets();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      toAddress: "embassy.be@example.org",
      replyTo: "ana@example.org",
      subject: "About Activists detained",
      encrypted: true,
    });
    expect(letters[0]!.fromAddress).toMatch(/^Ana Peeters via Solidarity letters </);
    expect(letters[0]!.text).toContain("Please release them.");
    expect((await counts()).supporterLettersSent).toBe(1);
    // Once sent, the writer's data leaves the waiting letter.
    const row = await prisma.supporterLetter.findFirstOrThrow();
    expect([row.nameEnc, row.emailEnc, row.subjectEnc, row.bodyEnc, row.cityEnc]).toEqual([null, null, null, null, null]);
  });

  it("answers a second request for the same address and target like the first, and emails the address at most once an hour", async () => {
    const first = await write();
    const second = await write({ name: "Someone Else" });
    expect(second.status).toBe(first.status);
    const letterOf = async (r: Response) => ((await body(r)) as { letter: unknown }).letter;
    expect(await letterOf(second)).toEqual(await letterOf(first));
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(1);
    const confirmation = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-supporter-letter" } }));
    // No name typed into the form reaches the address typed.
    expect(confirmation.text).toMatch(/^Hello,/);
    expect(confirmation.text + confirmation.html).not.toMatch(/Ana Peeters|Someone Else/);
  });

  it("keeps no readable name, email or letter in the database while it waits", async () => {
    await write();
    const row = await prisma.supporterLetter.findFirstOrThrow();
    const stored = JSON.stringify(row) + JSON.stringify(await prisma.outboxEmail.findMany());
    expect(stored).not.toContain("ana@example.org");
    expect(stored).not.toContain("Ana Peeters");
    expect(stored).not.toContain("Please release them");
  });

  it("refuses a target that is not the campaign's for the supporter's country", async () => {
    const answer = await write({ targetId: w.embassyDE.id });
    expect(answer.status).toBe(404);
    expect(await prisma.supporterLetter.count()).toBe(0);
  });

  it("asks for an email address to send through the app, and keeps the letter as typed", async () => {
    const answer = await write({ email: "not an address", body: "Excellency, my own words about the detained activists." });
    expect(answer.status).toBe(400);
    const result = (await body(answer)) as {
      letter: { failure: { fieldErrors: Record<string, string[]>; values: Record<string, string> } };
    };
    expect(result.letter.failure.fieldErrors.email?.[0]).toMatch(/Give your email address/);
    expect(result.letter.failure.values.body).toBe("Excellency, my own words about the detained activists.");
    expect(await prisma.supporterLetter.count()).toBe(0);
  });

  it("counts a letter opened in the supporter's own mail program, and opens it there", async () => {
    const answer = await write({ intent: "mailto", email: "" });
    expect(answer.status).toBe(302);
    const location = answer.headers.get("Location") ?? "";
    expect(location).toMatch(/^mailto:embassy\.be@example\.org\?subject=About%20Activists%20detained&body=Excellency/);
    expect(await counts()).toEqual({ supporterLettersSent: 0, supporterLettersMailto: 1 });
  });
});

describe("the links in the confirmation email", () => {
  it("'Delete my data' removes the waiting letter and its email; it can no longer be sent", async () => {
    await write();
    const token = await tokenFromConfirmation();
    const shown = await deletePage.loader({ request: request(`/s/${token}/delete`), params: { token }, context: testContext });
    expect(shown).toMatchObject({ kind: "letter", erased: false });
    expect(await prisma.supporterLetter.count()).toBe(1);
    await deletePage.action({ request: request(`/s/${token}/delete`, { form: {} }), params: { token }, context: testContext });
    expect(await prisma.supporterLetter.count()).toBe(0);
    expect(await prisma.outboxEmail.count()).toBe(0);
    const send = (await settle(
      sendPage.action({ request: request(`/s/${token}/send`, { form: {} }), params: { token }, context: testContext }),
    )) as Response;
    expect(send.status).toBe(404);
    expect(await lettersToTargets()).toHaveLength(0);
  });

  it("'Stop all email' works from the mail program's one-click POST, and that address cannot ask again", async () => {
    await write();
    const token = await tokenFromConfirmation();
    const oneClick = new Request(`http://localhost/s/${token}/unsubscribe`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const answer = (await unsubscribePage.action({ request: oneClick, params: { token }, context: testContext })) as Response;
    expect(answer.status).toBe(200);
    expect(await prisma.suppressedSupporter.count()).toBe(1);
    const shown = await unsubscribePage.loader({ request: request(`/s/${token}/unsubscribe`), params: { token }, context: testContext });
    expect(shown).toEqual({ stopped: true, kind: "letter" });

    // The page answers as for anyone (a stranger learns nothing of the address); nothing is sent.
    const again = await write({ email: "Ana@Example.org" });
    expect(again.status).toBe(200);
    expect(await body(again)).toMatchObject({ letter: { sent: true, failure: null } });
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(1);
  });
});

describe("keeping letters no longer than needed", () => {
  it("deletes waiting and sent letters after the unconfirmed-signature days, with every email to or from their writers", async () => {
    await write();
    await write({ email: "bert@example.org", name: "Bert" });
    const token = await tokenFromConfirmation();
    await sendPage.action({ request: request(`/s/${token}/send`, { form: {} }), params: { token }, context: testContext });
    expect(await prisma.supporterLetter.count()).toBe(2);

    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    const result = await purgeSignerData(later);
    expect(result.supporterLettersDeleted).toBe(2);
    expect(await prisma.supporterLetter.count()).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(0);
    // The letter that went to its target carried the writer's name and address: it goes too.
    expect(await lettersToTargets()).toHaveLength(0);
  });
});

// A supporter writes their own letters: the campaign's letters for their country, with their name
// and city. Sent through the app, they go only after they confirm from their inbox, with one link,
// that they wrote them (nobody can send in someone else's name), each as its own email to its
// target; opened in their mail program or webmail, they are counted.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import { purgeSignerData } from "~/petitions/retention.server";
import * as writePage from "~/routes/campaigns.$slug.write";
import * as sendPage from "~/routes/s.$token.send";
import * as unsubscribePage from "~/routes/s.$token.unsubscribe";
import * as deletePage from "~/routes/s.$token.delete";
import { formStamp } from "~/security/crypto.server";
import { CUT_NOTE, MAILTO_MAX_LENGTH, mailtoLink } from "~/petitions/mail-links";
import { draftSupporterLetters } from "~/petitions/supporter-letter.server";
import { defaultTemplateBody, defaultTemplateSubject } from "~/campaigns/default-template";
import { demoCampaigns } from "../../prisma/seed/campaigns";
import { body, createCampaign, createCase, createOrganisation, createTarget, request, settle, testContext } from "../support/factories";
import { shownInEnglish } from "../support/i18n";

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
  const mepOne = await createTarget(organisation.id, { kind: "mep", name: "Anna Berger MEP", country: "DE", email: "berger@example.org" });
  const mepTwo = await createTarget(organisation.id, { kind: "mep", name: "Jonas Vogel MEP", country: "DE", email: "vogel@example.org" });
  const mepByPost = await createTarget(organisation.id, { kind: "mep", name: "Klara Post MEP", country: "DE", email: null });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [
      {
        language: "en",
        subject: "About {{ case.title }}",
        body: "{{ target.salutation }},\n\nI write about {{ case.title }}.\n\n{{ sender.name }}, {{ sender.city }}",
      },
    ],
  });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { targetKinds: "|embassy|mep|" } });
  return { organisation, campaign, embassyBE, embassyDE, mepOne, mepTwo, mepByPost };
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
const letterText = "Excellency,\n\nI write about the activists detained for a post. Please release them.\n\nAna Peeters, Ghent";

/** The letters form: the ticked targets, each with its own subject and letter. */
function letterForm(targetIds: string[], fields: Record<string, string> = {}, country = "BE") {
  const form = new URLSearchParams({
    intent: "send",
    name: "Ana Peeters",
    city: "Ghent",
    country,
    email: "ana@example.org",
    // Each submission its own stamp: a stamp is good for one submission.
    formStartedAt: formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1))),
    website: "",
  });
  for (const id of targetIds) {
    form.append("to", id);
    form.set(`subject-${id}`, "About Activists detained");
    form.set(`body-${id}`, letterText);
  }
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const post = async (form: URLSearchParams) =>
  (await settle(
    writePage.action({
      request: new Request(`http://localhost${path()}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      }),
      params: params(),
      context: testContext,
    }),
  )) as Response;

const write = (fields: Record<string, string> = {}) => post(letterForm([w.embassyBE.id], fields));
const writeToGermany = (targetIds: string[], fields: Record<string, string> = {}) => post(letterForm(targetIds, fields, "DE"));

const press = (token: string) =>
  sendPage.action({ request: request(`/s/${token}/send`, { form: {} }), params: { token }, context: testContext });

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

describe("writing one's own letters", () => {
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

  it("sends every letter of a German supporter with one confirmation: one email to them, then one email per target, once", async () => {
    const targets = [w.embassyDE, w.mepOne, w.mepTwo];
    const form = letterForm(
      targets.map((t) => t.id),
      {},
      "DE",
    );
    // Each letter as the supporter edited it.
    form.set(`body-${w.mepOne.id}`, "Dear Ms Berger,\n\nI ask you to raise the case of the detained activists.");
    const answer = await post(form);
    expect(await body(answer)).toMatchObject({ sent: true, failure: null });

    // One confirmation, to the writer, naming the targets and carrying none of the letters' words.
    const confirmations = (await prisma.outboxEmail.findMany({ where: { kind: "confirm-supporter-letter" } })).map(readable);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.toAddress).toBe("ana@example.org");
    expect(confirmations[0]!.subject).toBe("Send your 3 letters?");
    for (const t of targets) expect(confirmations[0]!.text).toContain(t.name);
    expect(confirmations[0]!.text + confirmations[0]!.html).not.toMatch(/raise the case|Please release them/);
    expect(await lettersToTargets()).toHaveLength(0);

    const token = await tokenFromConfirmation();
    // Opening the link (or a mail scanner opening it) shows the letters and sends nothing.
    const page = await sendPage.loader({ request: request(`/s/${token}/send`), params: { token }, context: testContext });
    expect(page.letters.map((l) => [l.targetName, l.sent])).toEqual(expect.arrayContaining(targets.map((t) => [t.name, false])));
    expect(await lettersToTargets()).toHaveLength(0);

    expect(await body(await press(token))).toMatchObject({ outcome: "sent", sent: 3 });
    const letters = await lettersToTargets();
    expect(letters.map((l) => l.toAddress).sort()).toEqual(["berger@example.org", "embassy.de@example.org", "vogel@example.org"]);
    for (const letter of letters) {
      expect(letter).toMatchObject({ replyTo: "ana@example.org", subject: "About Activists detained", encrypted: true });
      expect(letter.fromAddress).toMatch(/^Ana Peeters via Solidarity letters </);
    }
    expect(letters.find((l) => l.toAddress === "berger@example.org")!.text).toContain("raise the case of the detained activists");
    expect(letters.find((l) => l.toAddress === "vogel@example.org")!.text).toContain("Please release them.");
    expect((await counts()).supporterLettersSent).toBe(3);

    // Confirming again sends nothing more.
    expect(await body(await press(token))).toMatchObject({ outcome: "already-sent", sent: 0 });
    expect(await lettersToTargets()).toHaveLength(3);
    expect((await counts()).supporterLettersSent).toBe(3);
    // Once sent, the writer's data leaves the waiting letters.
    for (const row of await prisma.supporterLetter.findMany()) {
      expect([row.nameEnc, row.emailEnc, row.subjectEnc, row.bodyEnc, row.cityEnc]).toEqual([null, null, null, null, null]);
    }
  });

  it("sends only to the targets left ticked", async () => {
    await writeToGermany([w.mepTwo.id]);
    await press(await tokenFromConfirmation());
    expect((await lettersToTargets()).map((l) => l.toAddress)).toEqual(["vogel@example.org"]);
  });

  it("refuses a ticked target without an email address, and asks for at least one", async () => {
    const withPostOnly = await writeToGermany([w.mepOne.id, w.mepByPost.id]);
    expect(withPostOnly.status).toBe(400);
    const none = await post(letterForm([], {}, "DE"));
    expect(none.status).toBe(400);
    expect(
      ((await body(none)) as { failure: { fieldErrors: Record<string, string[]> } }).failure.fieldErrors.to?.map(shownInEnglish)[0],
    ).toMatch(/Tick at least one/);
    expect(await prisma.supporterLetter.count()).toBe(0);
  });

  it("answers a second request for the same address like the first, and emails the address a few times an hour at most", async () => {
    const first = await write();
    const second = await write({ name: "Someone Else" });
    expect(second.status).toBe(first.status);
    const outcome = async (r: Response) => {
      const { sent, failure } = (await body(r)) as { sent: boolean; failure: unknown };
      return { sent, failure };
    };
    expect(await outcome(second)).toEqual(await outcome(first));
    // The same target, still waiting: not asked for again.
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(1);
    const confirmation = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-supporter-letter" } }));
    // No name typed into the form reaches the address typed.
    expect(confirmation.text).toMatch(/^Hello,/);
    expect(confirmation.text + confirmation.html).not.toMatch(/Ana Peeters|Someone Else/);

    // A stranger choosing one target at a time gets three confirmations to that address, then none.
    for (const t of [w.embassyDE, w.mepOne, w.mepTwo]) expect((await writeToGermany([t.id])).status).toBe(200);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(3);
  });

  it("uses a form once", async () => {
    const form = letterForm([w.embassyBE.id]);
    expect((await post(form)).status).toBe(200);
    expect((await post(form)).status).toBe(409);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(1);
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
    const answer = await post(letterForm([w.embassyBE.id, w.embassyDE.id]));
    expect(answer.status).toBe(404);
    expect(await prisma.supporterLetter.count()).toBe(0);
  });

  it("asks for an email address to send through the app, and keeps every letter as typed", async () => {
    const answer = await post(
      letterForm(
        [w.embassyDE.id, w.mepOne.id],
        { email: "not an address", [`body-${w.mepOne.id}`]: "Dear Ms Berger, my own words." },
        "DE",
      ),
    );
    expect(answer.status).toBe(400);
    const result = (await body(answer)) as { failure: { fieldErrors: Record<string, string[]>; values: Record<string, string> } };
    expect(result.failure.fieldErrors.email?.map(shownInEnglish)[0]).toMatch(/Give your email address/);
    expect(result.failure.values[`body-${w.mepOne.id}`]).toBe("Dear Ms Berger, my own words.");
    expect(result.failure.values.to).toBe(`${w.embassyDE.id},${w.mepOne.id}`);
    expect(await prisma.supporterLetter.count()).toBe(0);
  });

  it("refuses a letter over the size limit beside it", async () => {
    const answer = await write({ [`body-${w.embassyBE.id}`]: "A long letter. ".repeat(700) });
    expect(answer.status).toBe(400);
    const result = (await body(answer)) as { failure: { fieldErrors: Record<string, string[]> } };
    expect(result.failure.fieldErrors[`body-${w.embassyBE.id}`]?.map(shownInEnglish)[0]).toMatch(/Keep the letter under 8,000 characters/);
  });
});

describe("a letter sent from the supporter's own email", () => {
  const openForm = (fields: Record<string, string> = {}) => {
    const form = letterForm([w.embassyBE.id], fields);
    form.delete("intent");
    form.delete("email");
    form.set("open", w.embassyBE.id);
    return form;
  };
  type Opened = { opened: { mailto: string; gmail: string; outlook: string; cut: boolean } };

  it("counts it and gives the links for their mail program, Gmail and Outlook, with the letter as edited", async () => {
    const answer = await post(openForm());
    expect(answer.status).toBe(200);
    const { opened } = (await body(answer)) as Opened;
    expect(opened.mailto).toMatch(/^mailto:embassy\.be@example\.org\?subject=About%20Activists%20detained&body=Excellency/);
    expect(decodeURIComponent(opened.mailto)).toContain("Please release them.");
    expect(opened.cut).toBe(false);
    expect(new URL(opened.gmail).searchParams.get("body")).toBe(letterText);
    expect(new URL(opened.outlook).searchParams.get("to")).toBe("embassy.be@example.org");
    expect(await counts()).toEqual({ supporterLettersSent: 0, supporterLettersMailto: 1 });
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it("counts a letter opened again from the same page once, and one from a form we did not serve not at all", async () => {
    const form = openForm();
    for (let i = 0; i < 3; i++) expect((await post(form)).status).toBe(200);
    expect((await counts()).supporterLettersMailto).toBe(1);
    const forged = openForm({ formStartedAt: "123.abc" });
    expect((await post(forged)).status).toBe(200);
    expect((await counts()).supporterLettersMailto).toBe(1);
  });

  it("keeps the mail program's link under 2,000 characters: a long letter is cut with a note", async () => {
    const long = "Ваше превосходительство, я пишу вам о задержанных активистах. ".repeat(80);
    const { opened } = (await body(await post(openForm({ [`body-${w.embassyBE.id}`]: long })))) as Opened;
    expect(opened.mailto.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(opened.cut).toBe(true);
    const sentBody = decodeURIComponent(opened.mailto.split("&body=")[1]!);
    expect(sentBody.endsWith(CUT_NOTE)).toBe(true);
    expect(long.startsWith(sentBody.slice(0, -CUT_NOTE.length))).toBe(true);
  });

  it("fits any text: emoji, quotes and line breaks are never broken by the cut", () => {
    for (const text of ["😀".repeat(3000), "'\"&?=\n".repeat(900), "a".repeat(1950)]) {
      const link = mailtoLink("someone@example.org", "Subject", text);
      expect(link.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
      expect(() => decodeURIComponent(link.url)).not.toThrow();
    }
  });
});

describe("the letters' voice", () => {
  it("speaks in the supporter's own voice in the default and the demo templates", async () => {
    const { caseId } = await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } });
    for (const templates of [
      demoCampaigns[0]!.templates,
      [{ language: "en", subject: defaultTemplateSubject, body: defaultTemplateBody }],
    ]) {
      const campaign = await createCampaign(w.organisation.id, caseId, { templates });
      const full = await prisma.campaign.update({
        where: { id: campaign.id },
        data: { targetKinds: "|embassy|mep|" },
        include: { case: true },
      });
      const drafts = await draftSupporterLetters({
        campaign: full,
        country: "DE",
        name: "Ana Peeters",
        city: "Ghent",
        appUrl: "http://localhost",
      });
      expect(drafts.map((d) => d.targetName).sort()).toEqual([w.embassyDE, w.mepOne, w.mepTwo, w.mepByPost].map((t) => t.name).sort());
      for (const d of drafts) {
        expect(d.body).toMatch(/\bI am writing\b/);
        expect(d.body).not.toMatch(/\b[Ww]e (write|ask|are writing|would)\b|on behalf of/);
      }
    }
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
    const send = (await settle(press(token))) as Response;
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
    expect(await body(again)).toMatchObject({ sent: true, failure: null });
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-supporter-letter" } })).toBe(1);
  });
});

describe("keeping letters no longer than needed", () => {
  it("deletes waiting and sent letters after the unconfirmed-signature days, with every email to or from their writers", async () => {
    await write();
    await write({ email: "bert@example.org", name: "Bert" });
    const token = await tokenFromConfirmation();
    await press(token);
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

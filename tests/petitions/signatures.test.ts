// Signing safely: confirm by email, count once, stop email, delete one's data, and nothing a copied
// database file could give away.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as confirmPage from "~/routes/s.$token.confirm";
import * as unsubscribePage from "~/routes/s.$token.unsubscribe";
import * as deletePage from "~/routes/s.$token.delete";
import * as signaturesCsv from "~/routes/admin.campaigns.$campaignId.signatures[.]csv";
import * as signaturesPage from "~/routes/admin.campaigns.$campaignId.signatures";
import * as signaturesPdf from "~/routes/admin.campaigns.$campaignId.signatures[.]pdf";
import { encrypt, normaliseEmail, formStamp } from "~/security/crypto.server";
import { readable } from "~/mail/outbox.server";
import { purgeSignerData } from "~/petitions/retention.server";
import { cookieFor, createCampaign, createCase, createOrganisation, createUser, request, settle, testContext } from "../support/factories";
import { shownInEnglish } from "../support/i18n";
import { databaseOnDisk, readTestDatabase, testEngine } from "../support/test-database";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let campaign: Awaited<ReturnType<typeof createCampaign>>;
let organisationId: string;
beforeEach(async () => {
  // Each story starts with no signature and no mail: counts below are of this story only.
  await prisma.signature.deleteMany();
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.suppressedSupporter.deleteMany();
  const { organisation } = await createOrganisation();
  organisationId = organisation.id;
  const c = await createCase({ organisationId: organisation.id });
  campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }],
  });
  campaign = await prisma.campaign.update({
    where: { id: campaign.id },
    data: { petitionText: "Free them.", signatureGoal: 100 },
    include: { templates: true },
  });
});

// Each submission its own stamp (a stamp is good for one submission): never two in the same millisecond.
let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));
const signForm = (fields: Record<string, string>) => ({ intent: "sign", formStartedAt: stamp(), website: "", country: "BE", ...fields });

async function signAs(fields: Record<string, string>, clientAddress = "198.51.100.7") {
  return (await settle(
    campaignPage.action({
      request: request(`/campaigns/${campaign.slug}`, { form: signForm(fields) }),
      params: { slug: campaign.slug },
      context: { cspNonce: "n", clientAddress },
    }),
  )) as Response;
}

/** The token is only in the email: read it from the confirmation link in the (decrypted) outbox row. */
async function tokenFromLastEmail(): Promise<string> {
  const email = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
  const token = readable(email).text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)?.[1];
  if (!token) throw new Error("No confirmation link in the email");
  return token;
}

const countOf = async () => (await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).signatureCount;
const confirmedRows = () => prisma.signature.count({ where: { campaignId: campaign.id, status: "confirmed" } });

describe("signing", () => {
  it("records a pending signature and a confirmation email with one-click unsubscribe; only confirming counts, once", async () => {
    const response = await signAs({ name: "Aigerim Nurlanovna", email: "aigerim@example.org", showName: "on" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/campaigns/${campaign.slug}/share?signed=check-email`);
    expect(await countOf()).toBe(0);

    const email = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" } }));
    expect(email.toAddress).toBe("aigerim@example.org");
    const headers = JSON.parse(email.headers ?? "{}") as Record<string, string>;
    expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost\/s\/[A-Za-z0-9_-]+\/unsubscribe>$/);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email.text).toMatch(/\/delete/);

    const token = await tokenFromLastEmail();
    const params = { token };
    // A mail scanner opening the link changes nothing.
    const page = await confirmPage.loader({ request: request(`/s/${token}/confirm`), params, context: testContext });
    expect(page.confirmed).toBe(false);
    expect(await countOf()).toBe(0);

    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params, context: testContext });
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params, context: testContext });
    expect(await countOf()).toBe(1);
    expect(await confirmedRows()).toBe(1);

    const shown = await campaignPage.loader({
      request: request(`/campaigns/${campaign.slug}`),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(shown.signers).toEqual([expect.objectContaining({ firstName: "Aigerim", country: "BE" })]);
    expect(shown.campaign.signatureCount).toBe(1);
  });

  it("does not count the same person twice, however they spell their Gmail address, and answers every address alike", async () => {
    const checkEmail = `/campaigns/${campaign.slug}/share?signed=check-email`;
    await signAs({ name: "Dana", email: "dana.smith@gmail.com" });
    const again = await signAs({ name: "Dana", email: "Dana.Smith+petition@googlemail.com" });
    expect(again.headers.get("Location")).toBe(checkEmail);
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
    // At most one email an hour to the address, whoever types it.
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-signature" } })).toBe(1);

    // An hour later, the confirmation is sent again (once).
    await prisma.signature.updateMany({ data: { confirmationSentAt: new Date(Date.now() - 61 * 60 * 1000) } });
    const later = await signAs({ name: "Dana", email: "danasmith@gmail.com" });
    expect(later.headers.get("Location")).toBe(checkEmail);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-signature" } })).toBe(2);

    const token = await tokenFromLastEmail();
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
    // A stranger typing a signer's address learns nothing: the owner gets "you have already signed".
    await prisma.signature.updateMany({ data: { confirmationSentAt: new Date(Date.now() - 61 * 60 * 1000) } });
    const afterConfirm = await signAs({ name: "Someone else", email: "dana.smith@gmail.com" });
    expect(afterConfirm.headers.get("Location")).toBe(checkEmail);
    const thanks = (await prisma.outboxEmail.findMany({ where: { kind: "already-signed" } })).map(readable);
    expect(thanks).toHaveLength(1);
    expect(thanks[0]!.toAddress).toBe("dana.smith@gmail.com");
    expect(thanks[0]!.text).toContain("You have already signed");
    expect(thanks[0]!.text).not.toContain("Someone else");
    // …and only once an hour.
    await signAs({ name: "Someone else", email: "dana.smith@gmail.com" });
    expect(await prisma.outboxEmail.count({ where: { kind: "already-signed" } })).toBe(1);
    expect(await countOf()).toBe(1);
  });

  it("puts nothing typed into the email sent to the address typed: no name", async () => {
    await signAs({ name: "Ivan Petrov", email: "victim@example.org" });
    const email = readable(await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" } }));
    expect(email.text).toMatch(/^Hello,/);
    expect(email.text + email.html).not.toContain("Ivan");
  });

  it("refuses a replayed form with a readable message, and counts only accepted signatures against the limit", async () => {
    const form = signForm({ name: "Aru", email: "aru@example.org" });
    const post = async (fields: Record<string, string>) =>
      (await settle(
        campaignPage.action({
          request: request(`/campaigns/${campaign.slug}`, { form: fields }),
          params: { slug: campaign.slug },
          context: { cspNonce: "n", clientAddress: "203.0.113.50" },
        }),
      )) as Response;
    expect((await post(form)).status).toBe(302);
    const replay = await post({ ...form, email: "other@example.org" });
    expect(replay.status).toBe(409);
    expect(shownInEnglish(((await replay.json()) as { formError: string }).formError)).toContain("already sent once");
    expect(await prisma.signature.count()).toBe(1);
    expect(await prisma.usedFormStamp.count()).toBeGreaterThan(0);
  });

  it("does not show a signer's name that reads like a link, full-width dots and bare domains included", async () => {
    for (const [i, name] of ["Aliya", "t.me/spam", "evil．de", "joe@x", "spam.de"].entries()) {
      await prisma.signature.create({
        data: {
          campaignId: campaign.id,
          emailHash: `h${i}`,
          nameEnc: encrypt(name),
          emailEnc: encrypt(`${i}@example.org`),
          country: "BE",
          showName: true,
          status: "confirmed",
          confirmedAt: new Date(),
          confirmationSentAt: new Date(),
          tokenHash: `t${i}`,
        },
      });
    }
    const shown = await campaignPage.loader({
      request: request(`/campaigns/${campaign.slug}`),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(shown.signers.map((s) => s.firstName)).toEqual(["Aliya"]);
  });

  it("shows a message beside each wrong field and keeps what was typed", async () => {
    const response = await signAs({ name: "", email: "not-an-email", country: "XX", city: "Almaty" });
    expect(response.status).toBe(400);
    const failure = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.name?.map(shownInEnglish)).toEqual(["Your name is required."]);
    expect(shownInEnglish(failure.fieldErrors.email?.[0] ?? "")).toMatch(/confirmation link/);
    expect(failure.fieldErrors.country?.map(shownInEnglish)).toEqual(["Choose your country."]);
    expect(failure.values).toMatchObject({ email: "not-an-email", city: "Almaty" });
    expect(await prisma.signature.count()).toBe(0);
  });

  it("refuses a name carrying a link, which would go into the email sent to the address typed", async () => {
    for (const name of ["Win a prize at https://spam.example", "visit www.spam.example", "cheap pills spam.com", "me@spam.example"]) {
      const response = await signAs({ name, email: "someone@example.org" });
      expect(response.status, name).toBe(400);
      const failure = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
      expect(failure.fieldErrors.name?.map(shownInEnglish)).toEqual(["Give your name only, without a web or email address."]);
      expect(failure.values.name).toBe(name);
    }
    expect(await prisma.outboxEmail.count()).toBe(0);
    // Names with dots and hyphens are names.
    expect((await signAs({ name: "J. R. Aitmatov-Kim", email: "jr@example.org" })).status).toBe(302);
  });

  it("refuses a filled honeypot and a form sent back faster than a person types", async () => {
    const bot = await signAs({ name: "Bot", email: "bot@example.org", website: "http://spam.example" });
    expect(bot.status).toBe(400);
    const fast = (await settle(
      campaignPage.action({
        request: request(`/campaigns/${campaign.slug}`, {
          form: { ...signForm({ name: "Fast", email: "fast@example.org" }), formStartedAt: formStamp() },
        }),
        params: { slug: campaign.slug },
        context: testContext,
      }),
    )) as Response;
    expect(fast.status).toBe(400);
    const forged = await signAs({ name: "Forged", email: "forged@example.org", formStartedAt: "1000.abc" });
    expect(forged.status).toBe(400);
    expect(await prisma.signature.count()).toBe(0);
  });
});

describe("signing while the database is busy", () => {
  it("waits for another writer's transaction instead of failing or blocking it, and both land", async () => {
    let releaseOther!: () => void;
    const otherMayFinish = new Promise<void>((resolve) => (releaseOther = resolve));
    let otherHoldsTheLock!: () => void;
    const locked = new Promise<void>((resolve) => (otherHoldsTheLock = resolve));
    // An organiser's change in a Prisma transaction of this same process, holding SQLite's write lock.
    const other = prisma.$transaction(
      async (tx) => {
        await tx.campaign.update({ where: { id: campaign.id }, data: { summary: "Changed while a supporter signs." } });
        otherHoldsTheLock();
        await otherMayFinish;
      },
      { timeout: 10_000 },
    );
    await locked;
    const signing = signAs({ name: "Patient Signer", email: "patient@example.org" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    // On SQLite the signature waits for the one write lock (without blocking this process: the
    // timer above fired); on PostgreSQL it needs no lock the organiser holds and is already in ...
    const { n } = (await readTestDatabase(process.env.DATABASE_URL!, (db) =>
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "Signature"`),
    ))!;
    expect(Number(n)).toBe(testEngine() === "sqlite" ? 0 : 1);
    releaseOther();
    await other;
    // ... then lands, with its confirmation email.
    const response = await signing;
    expect(response.headers.get("Location")).toContain("signed=check-email");
    expect(await prisma.signature.count({ where: { campaignId: campaign.id, status: "pending" } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-signature" } })).toBe(1);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).summary).toBe("Changed while a supporter signs.");
  });
});

describe("what a copied database file reveals", () => {
  it("holds no signer's name, email, city or comment in clear, not even in the outbox", async () => {
    await signAs({
      name: "Zhanar Yesenova",
      email: "zhanar.secret@example.org",
      city: "Shymkent",
      comment: "My brother is held in Almaty",
    });
    const token = await tokenFromLastEmail();
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });

    for (const { bytes } of await databaseOnDisk()) {
      for (const secret of ["Zhanar", "zhanar.secret", "Shymkent", "My brother"]) expect(bytes.includes(secret), secret).toBe(false);
    }
  });
});

describe("stopping email and deleting one's data", () => {
  it("stops all email with one click, from the mail program's POST, and later signatures get no email", async () => {
    await signAs({ name: "Ayan", email: "ayan@example.org", wantsUpdates: "on" });
    const token = await tokenFromLastEmail();
    // Opening the link changes nothing.
    await unsubscribePage.loader({ request: request(`/s/${token}/unsubscribe`), params: { token }, context: testContext });
    expect((await prisma.signature.findFirstOrThrow()).wantsUpdates).toBe(true);

    const oneClick = new Request(`http://localhost/s/${token}/unsubscribe`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const response = (await unsubscribePage.action({ request: oneClick, params: { token }, context: testContext })) as Response;
    expect(response.status).toBe(200);
    const signature = await prisma.signature.findFirstOrThrow();
    expect(signature.wantsUpdates).toBe(false);
    expect(signature.unsubscribedAt).not.toBeNull();

    const other = await createCampaign(organisationId, campaign.caseId, {
      templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }],
    });
    await prisma.campaign.update({ where: { id: other.id }, data: { petitionText: "Another petition." } });
    const signAgain = (await settle(
      campaignPage.action({
        request: request(`/campaigns/${other.slug}`, { form: signForm({ name: "Ayan", email: "ayan@example.org" }) }),
        params: { slug: other.slug },
        context: testContext,
      }),
    )) as Response;
    // The same answer as for anyone; the stopped address gets nothing.
    expect(signAgain.headers.get("Location")).toContain("signed=check-email");
    expect(await prisma.outboxEmail.count({ where: { kind: "confirm-signature" } })).toBe(1);
  });

  it("deletes name, email and comment, keeps the confirmed signature as an anonymous count, and removes its emails", async () => {
    await signAs({ name: "Murat", email: "murat@example.org", comment: "Solidarity", showName: "on" });
    const token = await tokenFromLastEmail();
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
    await deletePage.loader({ request: request(`/s/${token}/delete`), params: { token }, context: testContext });
    expect((await prisma.signature.findFirstOrThrow()).nameEnc).not.toBeNull();

    await deletePage.action({ request: request(`/s/${token}/delete`, { form: {} }), params: { token }, context: testContext });
    const signature = await prisma.signature.findFirstOrThrow();
    expect(signature).toMatchObject({
      nameEnc: null,
      emailEnc: null,
      commentEnc: null,
      emailHash: null,
      showName: false,
      status: "confirmed",
    });
    expect(signature.erasedAt).not.toBeNull();
    expect(await countOf()).toBe(1);
    expect(await confirmedRows()).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { subjectType: "signature" } })).toBe(0);
    const page = await campaignPage.loader({
      request: request(`/campaigns/${campaign.slug}`),
      params: { slug: campaign.slug },
      context: testContext,
    });
    expect(page.signers).toEqual([]);
  });

  it("deletes an unconfirmed signature entirely", async () => {
    await signAs({ name: "Nobody", email: "nobody@example.org" });
    const token = await tokenFromLastEmail();
    await deletePage.action({ request: request(`/s/${token}/delete`, { form: {} }), params: { token }, context: testContext });
    expect(await prisma.signature.count()).toBe(0);
  });
});

describe("keeping data no longer than needed", () => {
  it("purges unconfirmed signatures after the set days, address hashes after 30 days, and signers of a long-closed campaign", async () => {
    await signAs({ name: "Old pending", email: "old@example.org" });
    await signAs({ name: "Confirmed", email: "kept@example.org" });
    const token = await tokenFromLastEmail();
    await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    await prisma.signature.updateMany({ data: { createdAt: tenDaysAgo } });
    expect(await prisma.signature.count({ where: { addressHash: { not: null } } })).toBe(2);

    const first = await purgeSignerData(new Date(Date.now() + 25 * 24 * 3600 * 1000));
    expect(first.unconfirmedDeleted).toBe(1);
    expect(first.addressHashesRemoved).toBe(1);
    expect(await prisma.signature.count()).toBe(1);

    await prisma.campaign.update({
      where: { id: campaign.id },
      data: { status: "closed", closedAt: new Date(Date.now() - 200 * 24 * 3600 * 1000) },
    });
    const second = await purgeSignerData();
    expect(second.signersErased).toBe(1);
    expect(await prisma.signature.findFirstOrThrow()).toMatchObject({ nameEnc: null, emailEnc: null, status: "confirmed" });
    expect(await countOf()).toBe(1);
  });
});

describe("email normalisation", () => {
  it("folds case, +tags, and Gmail's dots", () => {
    expect(normaliseEmail(" John.Doe+news@GMail.com ")).toBe("johndoe@gmail.com");
    expect(normaliseEmail("j.doe@googlemail.com")).toBe("jdoe@gmail.com");
    expect(normaliseEmail("Jane.Doe+x@Outlook.com")).toBe("jane.doe@outlook.com");
  });
});

describe("the organiser's signatures", () => {
  it("exports every signature as CSV, page by page, with formulas defused and Kazakh names intact for a spreadsheet", async () => {
    const rows = Array.from({ length: 2345 }, (_, i) => i);
    const { encrypt } = await import("~/security/crypto.server");
    await prisma.signature.createMany({
      data: rows.map((i) => ({
        campaignId: campaign.id,
        emailHash: `hash-${i}`,
        nameEnc: encrypt(i === 0 ? '=HYPERLINK("http://evil")' : i === 1 ? "Жанар Әбілқызы" : `Signer ${i}`),
        emailEnc: encrypt(`signer-${i}@example.org`),
        country: "DE",
        tokenHash: `token-${i}`,
        confirmationSentAt: new Date(),
        status: "confirmed",
        confirmedAt: new Date(),
      })),
    });
    const organiser = await createUser({ organisationId, role: "organiser" });
    const cookie = await cookieFor(organiser.id);
    const response = (await signaturesCsv.loader({
      request: request(`/admin/campaigns/${campaign.id}/signatures.csv`, { cookie }),
      params: { campaignId: campaign.id },
      context: testContext,
    })) as Response;
    const bytes = Buffer.from(await response.arrayBuffer());
    // The UTF-8 byte-order mark: without it a spreadsheet reads the file as Latin-1 and garbles Cyrillic.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("Жанар Әбілқызы", "utf8"))).toBe(true);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("name,email,country,city,organisation,comment,show_name,wants_updates,status,signed_at,confirmed_at");
    expect(lines).toHaveLength(2346);
    expect(text).toContain("signer-2344@example.org");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const page = await signaturesPage.loader({
      request: request(`/admin/campaigns/${campaign.id}/signatures?email=signer-7@example.org`, { cookie }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    expect(page.signatures).toHaveLength(0); // the hash in this fixture is not a real keyed hash
    const all = await signaturesPage.loader({
      request: request(`/admin/campaigns/${campaign.id}/signatures`, { cookie }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    expect(all.signatures).toHaveLength(50);
    expect(all.nextAfter).not.toBeNull();
  });

  it("lists signatures newest first, finds one signer by exact email, and filters by country", async () => {
    const names = ["Ana First", "Bo Second", "Cy Third"];
    for (const [i, name] of names.entries()) {
      await signAs({ name, email: `order-${i}@example.org`, country: i === 1 ? "DE" : "BE" }, `198.51.100.${10 + i}`);
      await new Promise((resolve) => setTimeout(resolve, 3)); // a new millisecond each
    }
    const organiser = await createUser({ organisationId, role: "organiser" });
    const cookie = await cookieFor(organiser.id);
    const list = (query = "") =>
      signaturesPage.loader({
        request: request(`/admin/campaigns/${campaign.id}/signatures${query}`, { cookie }),
        params: { campaignId: campaign.id },
        context: testContext,
      });
    expect((await list()).signatures.map((s) => s.name)).toEqual(["Cy Third", "Bo Second", "Ana First"]);
    expect((await list("?email=ORDER-1@example.org")).signatures.map((s) => s.name)).toEqual(["Bo Second"]);
    expect((await list("?country=be")).signatures.map((s) => s.name)).toEqual(["Cy Third", "Ana First"]);
  });

  it("prints the hand-in PDF: petition, exact count, and only the names of those who agreed to be shown, never an email", async () => {
    const { encrypt } = await import("~/security/crypto.server");
    const signer = (i: number, name: string, showName: boolean, status = "confirmed") => ({
      campaignId: campaign.id,
      emailHash: `pdf-hash-${i}`,
      nameEnc: encrypt(name),
      emailEnc: encrypt(`pdf-signer-${i}@example.org`),
      country: i % 2 ? "KZ" : "BE",
      showName,
      tokenHash: `pdf-token-${i}`,
      confirmationSentAt: new Date(),
      status,
      confirmedAt: status === "confirmed" ? new Date() : null,
    });
    await prisma.signature.createMany({
      data: [
        signer(1, "Жазира Демеуова", true),
        signer(2, "Hidden Person", false),
        signer(3, "Aigerim Shown", true),
        signer(4, "Pending Person", true, "pending"),
        ...Array.from({ length: 400 }, (_, i) => signer(100 + i, `Listed Signer ${i}`, true)),
      ],
    });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { signatureCount: 403 } });
    const organiser = await createUser({ organisationId, role: "organiser" });
    const response = (await signaturesPdf.loader({
      request: request(`/admin/campaigns/${campaign.id}/signatures.pdf`, { cookie: await cookieFor(organiser.id) }),
      params: { campaignId: campaign.id },
      context: testContext,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    // Every page is a whole A4 sheet (595 × 842 pt), the names pages too.
    for (let n = 1; n <= document.numPages; n += 1) {
      expect((await document.getPage(n)).view.map(Math.round), `page ${n}`).toEqual([0, 0, 595, 842]);
    }
    const { text: pageTexts } = await extractText(document, { mergePages: false });
    const firstPage = pageTexts[0]!.replace(/\s+/g, " ");
    // Page one: who hands it in, the petition, the count and the totals per country.
    const { name: organisationName } = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    expect(firstPage).toContain(`Handed in by ${organisationName}`);
    expect(firstPage).toContain("Free them.");
    expect(firstPage).toContain("403 people signed this petition");
    expect(firstPage).toMatch(/Signatures by country Kazakhstan 202 Belgium 201/);
    // The organisation's name is on every page.
    for (const page of pageTexts) expect(page.replace(/\s+/g, " ")).toContain(organisationName);
    const text = pageTexts.join("\n");
    const totalPages = document.numPages;
    expect(text).toContain("403 people signed this petition");
    expect(text).toContain("402 of them agreed to have their name shown");
    expect(text).toContain("Жазира Демеуова (Kazakhstan)");
    expect(text).toContain("Aigerim Shown (Kazakhstan)");
    expect(text).toContain("Listed Signer 398 (Belgium)");
    expect(text).toContain("Listed Signer 399 (Kazakhstan)");
    expect(text).not.toContain("Hidden Person");
    expect(text).not.toContain("Pending Person");
    expect(text).not.toContain("@example.org");
    expect(totalPages).toBe(1 + Math.ceil(402 / 112)); // the petition page, then 112 names a page
  });

  it("answers 404 to an organiser of another organisation", async () => {
    const { organisation } = await createOrganisation();
    const stranger = await createUser({ organisationId: organisation.id, role: "organiser" });
    const cookie = await cookieFor(stranger.id);
    const result = (await settle(
      signaturesCsv.loader({
        request: request(`/admin/campaigns/${campaign.id}/signatures.csv`, { cookie }),
        params: { campaignId: campaign.id },
        context: testContext,
      }),
    )) as Response;
    expect(result.status).toBe(404);
  });
});

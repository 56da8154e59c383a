// What a copied database file gives away about a supporter: nothing. Every supporter flow runs
// (sign, confirm, sign again, case news, write and send a letter, mail sent, stop email, delete),
// then the raw database file and its write-ahead log are read as bytes. And after the retention
// period, no value in any column of any row, decrypted where it is encrypted, is the person's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { fanOutCaseUpdates, publishCaseUpdate } from "~/cases/case-update.server";
import { readable, withoutAddresses } from "~/mail/outbox.server";
import { purgeSignerData } from "~/petitions/retention.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import * as writePage from "~/routes/campaigns.$slug.write";
import * as confirmPage from "~/routes/s.$token.confirm";
import * as sendPage from "~/routes/s.$token.send";
import * as unsubscribePage from "~/routes/s.$token.unsubscribe";
import * as deletePage from "~/routes/s.$token.delete";
import { decrypt, formStamp, isEncrypted } from "~/security/crypto.server";
import {
  createCampaign,
  createCase,
  createOrganisation,
  createTarget,
  createUser,
  request,
  settle,
  testContext,
} from "../support/factories";
import { drain, workerFor } from "../support/mail";
import { databaseOnDisk, everyTable, readTestDatabase } from "../support/test-database";
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "2";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let standIn: ResendStandIn;
beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(async () => {
  await standIn.stop();
});

let lastStampAt = 0;
const stamp = () => formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1)));

async function world() {
  const { organisation } = await createOrganisation();
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const c = await createCase({ organisationId: organisation.id });
  const embassy = await createTarget(organisation.id, {
    kind: "embassy",
    name: `Embassy in Belgium ${Date.now()}`,
    country: "BE",
    email: "embassy.be@example.org",
  });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "About the case", body: "Excellency,\n\nPlease act.\n\n{{ sender.name }}, {{ sender.city }}" }],
  });
  await prisma.campaign.update({ where: { id: campaign.id }, data: { targetKinds: "|embassy|", petitionText: "Free them." } });
  return { organisation, organiser, case: c, campaign, embassy };
}

interface Person {
  name: string;
  email: string;
  city: string;
  comment: string;
  letter: string;
}

/** Every supporter flow, through the pages, for one person; mail is sent through the stand-in. */
async function everyFlow(w: Awaited<ReturnType<typeof world>>, p: Person, { stopAndDelete }: { stopAndDelete: boolean }) {
  const slug = w.campaign.slug;
  const sign = () =>
    settle(
      campaignPage.action({
        request: request(`/campaigns/${slug}`, {
          form: {
            formStartedAt: stamp(),
            website: "",
            name: p.name,
            email: p.email,
            city: p.city,
            comment: p.comment,
            country: "BE",
            showName: "on",
            wantsUpdates: "on",
          },
        }),
        params: { slug },
        context: testContext,
      }),
    );
  await sign();
  const confirmation = readable(
    await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } }),
  );
  const token = confirmation.text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)![1]!;
  await confirmPage.action({ request: request(`/s/${token}/confirm`, { form: {} }), params: { token }, context: testContext });
  // Signing again an hour later: "you have already signed" goes to the address.
  await prisma.signature.updateMany({ data: { confirmationSentAt: new Date(Date.now() - 2 * 3600_000) } });
  await sign();

  // Case news to those who asked for it.
  await publishCaseUpdate({
    caseId: w.case.id,
    organisationId: w.organisation.id,
    title: "News",
    body: "A hearing is set.",
    statusChangeId: null,
    createdById: w.organiser.id,
    emailSigners: true,
    appUrl: "http://localhost",
  });
  await fanOutCaseUpdates();

  // Writing one's own letter: drafted, sent through the app, confirmed from the inbox.
  const who = { name: p.name, city: p.city, country: "BE" };
  await writePage.action({
    request: request(`/campaigns/${slug}/write`, { form: { intent: "draft", ...who } }),
    params: { slug },
    context: testContext,
  });
  const letterForm = {
    intent: "send",
    to: w.embassy.id,
    ...who,
    [`subject-${w.embassy.id}`]: "About the case",
    [`body-${w.embassy.id}`]: p.letter,
    email: p.email,
    formStartedAt: stamp(),
    website: "",
  };
  const written = (await settle(
    writePage.action({ request: request(`/campaigns/${slug}/write`, { form: letterForm }), params: { slug }, context: testContext }),
  )) as Response;
  expect(written.status).toBe(200);
  const letterEmail = readable(
    await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-supporter-letter" }, orderBy: { createdAt: "desc" } }),
  );
  const letterToken = letterEmail.text.match(/\/s\/([A-Za-z0-9_-]+)\/send/)![1]!;
  expect(
    await (
      (await sendPage.action({
        request: request(`/s/${letterToken}/send`, { form: {} }),
        params: { token: letterToken },
        context: testContext,
      })) as Response
    ).json(),
  ).toMatchObject({ outcome: "sent", sent: 1 });

  await drain(workerFor(standIn));
  expect(await prisma.outboxEmail.count({ where: { kind: "supporter-letter", status: "sent" } })).toBeGreaterThan(0);
  for (const kind of ["already-signed", "case-update"])
    expect(await prisma.outboxEmail.count({ where: { kind } }), kind).toBeGreaterThan(0);

  if (stopAndDelete) {
    await unsubscribePage.action({ request: request(`/s/${token}/unsubscribe`, { form: {} }), params: { token }, context: testContext });
    await deletePage.action({ request: request(`/s/${token}/delete`, { form: {} }), params: { token }, context: testContext });
  }
}

describe("a copied database file", () => {
  it("holds no supporter's name, email address, city or letter in clear, in the file or its write-ahead log", async () => {
    const w = await world();
    const p = {
      name: "Saulet Kemelbekova",
      email: "saulet.private@example.org",
      city: "Zhanatas",
      comment: "Cousin Yerbolat is held",
      letter: "Excellency,\n\nMy cousin Yerbolat is held in Zhanatas without trial. Release him.",
    };
    await everyFlow(w, p, { stopAndDelete: false });
    await everyFlow(
      w,
      {
        ...p,
        name: "Gulnara Abisheva",
        email: "gulnara.private@example.org",
        letter: "Excellency,\n\nGulnara writes about the Zhanatas detainees, in her own words.",
      },
      { stopAndDelete: true },
    );

    // As they are on disk, the write-ahead log with them: it holds the latest pages.
    const raw = await databaseOnDisk();
    expect(raw.map((r) => r.part)).toContain("log");
    for (const { bytes } of raw) {
      for (const secret of [
        "Saulet",
        "Kemelbekova",
        "saulet.private",
        "Zhanatas",
        "Yerbolat",
        "Gulnara",
        "Abisheva",
        "gulnara.private",
        "own words",
      ]) {
        expect(bytes.includes(Buffer.from(secret, "utf8")), `${secret} in clear`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, "utf16le")), `${secret} in clear (UTF-16)`).toBe(false);
      }
    }
  });
});

describe("a provider's error or bounce text", () => {
  it("is kept and logged without the address a mail server quoted", () => {
    expect(withoutAddresses("550 5.1.1 <saulet.private@example.org>: Recipient address rejected")).toBe(
      "550 5.1.1 <[address]>: Recipient address rejected",
    );
    expect(withoutAddresses("Invalid `to` field: Saulet.Private+x@Example.org, b@c.kz")).toBe("Invalid `to` field: [address], [address]");
    expect(withoutAddresses(null)).toBeNull();
  });
});

describe("after the retention period", () => {
  it("nothing in the database, decrypted where it is encrypted, is the person's address or name", async () => {
    const w = await world();
    const p = {
      name: "Aisulu Dzhaksybekova",
      email: "aisulu.retained@example.org",
      city: "Kyzylorda",
      comment: "For my father",
      letter: "Excellency,\n\nAisulu asks for her father's release. Thank you.",
    };
    await everyFlow(w, p, { stopAndDelete: false });
    // Before: the person is there, encrypted.
    expect((await everyValueInTheDatabase()).some((v) => v.includes(p.email))).toBe(true);

    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "closed", closedAt: new Date() } });
    const afterRetention = new Date(Date.now() + 400 * 24 * 3600_000);
    await purgeSignerData(afterRetention);

    const values = await everyValueInTheDatabase();
    for (const secret of [p.email, "aisulu.retained", "Aisulu", "Dzhaksybekova", "Kyzylorda"]) {
      expect(
        values.filter((v) => v.toLowerCase().includes(secret.toLowerCase())),
        secret,
      ).toEqual([]);
    }
    // The count stays, anonymous.
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } })).signatureCount).toBe(1);
  });
});

/** Every text value of every column of every row of every table, decrypted where it is encrypted. */
function everyValueInTheDatabase(): Promise<string[]> {
  return readTestDatabase(process.env.DATABASE_URL!, async (db) => {
    const values: string[] = [];
    for (const name of await everyTable(db)) {
      for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)) {
        for (const value of Object.values(row)) {
          if (typeof value === "string") values.push(isEncrypted(value) ? decrypt(value) : value);
          else if (Buffer.isBuffer(value)) values.push(value.toString("utf8"));
        }
      }
    }
    return values;
  });
}

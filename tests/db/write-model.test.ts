// The write model: no request sees or loses another's uncommitted work, a transaction that reads
// before it writes survives another connection's commit, and nobody blocks the event loop waiting.
import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { hot, prisma, type HotStatements } from "~/db.server";
import { confirmSignature } from "~/petitions/signature.server";
import { tokenHash } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation } from "../support/factories";
import { holdWriteLock } from "../support/test-database";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and the function that settles it: a step the test decides when to take. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

let organisationId: string;
beforeEach(async () => {
  organisationId = (await createOrganisation()).organisation.id;
  // Each story counts only its own sections.
  await prisma.section.deleteMany({ where: { organisationId } });
});

describe("one request's open transaction", () => {
  it("is invisible to another request, and another request's write is not rolled back with it", async () => {
    const inserted = gate();
    const finish = gate();
    // An organiser's change that inserts a section, then fails after a pause (rolled back).
    const failing = prisma.$transaction(async (tx) => {
      await tx.section.create({
        data: { organisationId, name: "Uncommitted section", country: "BE", city: "Brussels", contactEmail: "be@example.org" },
      });
      inserted.open();
      await finish.opened;
      throw new Error("The organiser's change failed.");
    });
    await inserted.opened;

    // Meanwhile another request reads the sections and writes its own row (Prisma's queries are
    // lazy: `then` sends them now).
    const otherRead = prisma.section.count({ where: { organisationId, name: "Uncommitted section" } }).then((n) => n);
    const otherWrite = prisma.section
      .create({
        data: { organisationId, name: "Another request's section", country: "DE", city: "Berlin", contactEmail: "de@example.org" },
      })
      .then((row) => row);
    await later(50);
    finish.open();
    await expect(failing).rejects.toThrow("The organiser's change failed.");

    // The other request never saw the uncommitted row, and its acknowledged write stays.
    expect(await otherRead).toBe(0);
    await otherWrite;
    expect(await prisma.section.findMany({ where: { organisationId }, select: { name: true } })).toEqual([
      { name: "Another request's section" },
    ]);
  });
});

describe("a transaction that reads, then writes", () => {
  it("succeeds while the signing connection commits in between, and both writes land", async () => {
    const haveRead = gate();
    const signingStarted = gate();
    let hotCommitted = false;
    const organiser = prisma.$transaction(async (tx) => {
      const before = await tx.section.count({ where: { organisationId } });
      haveRead.open();
      await signingStarted.opened;
      await later(30);
      await tx.section.create({
        data: { organisationId, name: `Section ${before + 1}`, country: "BE", city: "Brussels", contactEmail: "be@example.org" },
      });
    });
    await haveRead.opened;
    // The hot path (its own connection) writes while the organiser's transaction has only read.
    const signing = hot().transaction(async (tx) => {
      await hotInsert(tx);
      hotCommitted = true;
    });
    signingStarted.open();
    await organiser;
    await signing;
    expect(hotCommitted).toBe(true);
    expect(await prisma.section.count({ where: { organisationId } })).toBe(2);
  });
});

/** A direct write through the hot path's statements, as signing does. */
async function hotInsert(tx: HotStatements) {
  await tx.run(
    `INSERT INTO "Section" ("id", "organisationId", "name", "country", "city", "contactEmail", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    `hot-${Date.now()}-${Math.random()}`,
    organisationId,
    "Written by the hot path",
    "DE",
    "Berlin",
    "de@example.org",
    new Date(),
  );
}

describe("another process holding the write lock", () => {
  it("makes a transaction wait without blocking the event loop, then it commits", async () => {
    // A second connection stands for another serving process: it holds the lock for 300 ms.
    const other = await holdWriteLock("Section", 300);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);

    const started = Date.now();
    await prisma.$transaction(async (tx) => {
      const count = await tx.section.count({ where: { organisationId } });
      await tx.section.create({
        data: { organisationId, name: `Waited ${count}`, country: "BE", city: "Brussels", contactEmail: "be@example.org" },
      });
    });
    // A plain statement waits the same way.
    await prisma.section.create({
      data: { organisationId, name: "Plain write", country: "DE", city: "Berlin", contactEmail: "de@example.org" },
    });
    clearInterval(ticker);
    await other.released;

    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // The timer kept firing while the transaction waited: the process was not held.
    expect(ticks).toBeGreaterThan(10);
    expect(await prisma.section.count({ where: { organisationId } })).toBe(2);
  });
});

describe("many requests at once that change the same rows", () => {
  it("confirm 12 signatures of one campaign on a new day, each counted once, none refused", async () => {
    const c = await createCase({ organisationId });
    const campaign = await createCampaign(organisationId, c.id, { status: "live", templates: [] });
    const tokens = Array.from({ length: 12 }, (_, i) => `race-${i}-${crypto.randomUUID()}`);
    for (const [i, token] of tokens.entries()) {
      await prisma.signature.create({
        data: {
          campaignId: campaign.id,
          country: "BE",
          status: "pending",
          tokenHash: tokenHash(token),
          confirmationSentAt: new Date(),
          source: i % 2 ? "whatsapp" : null,
        },
      });
    }
    // All at once (on PostgreSQL each on its own connection): the day's and the channel's first rows
    // are made by whichever comes first, and the others add to them.
    const outcomes = await Promise.all([...tokens, tokens[0]!].map((token) => confirmSignature(token)));
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(12);
    expect(outcomes.filter((o) => o === "already-confirmed")).toHaveLength(1);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).signatureCount).toBe(12);
    const days = await prisma.campaignDay.findMany({ where: { campaignId: campaign.id } });
    expect(days.map((d) => d.signatures)).toEqual([12]);
    const channels = await prisma.campaignChannelDay.findMany({ where: { campaignId: campaign.id }, orderBy: { channel: "asc" } });
    expect(channels.map((d) => [d.channel, d.signatures])).toEqual([
      ["direct", 6],
      ["whatsapp", 6],
    ]);
  });
});

// Every page and export an organiser can open (each loader under app/routes/admin.*), opened by an
// organiser of organisation A with organisation B's ids: nothing of B may show (404, or absent).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { emailHash, encrypt } from "~/security/crypto.server";
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

const marker = `ORGB${crypto.randomBytes(6).toString("hex")}`;
const unroutedMarker = `UNROUTED${crypto.randomBytes(6).toString("hex")}`;
let cookieA: string;
let params: Record<string, string>;

beforeAll(async () => {
  const a = await createOrganisation(`Org A ${crypto.randomUUID().slice(0, 6)}`);
  cookieA = await cookieFor((await createUser({ organisationId: a.organisation.id, role: "owner" })).id);
  // A has some things of its own, so lists are not empty by accident.
  const caseA = await createCase({ organisationId: a.organisation.id });
  await createCampaign(a.organisation.id, caseA.id, { templates: [{ language: "en", subject: "s", body: "b" }] });

  const b = await createOrganisation(`${marker} org`);
  const userB = await createUser({
    organisationId: b.organisation.id,
    role: "organiser",
    email: `${marker.toLowerCase()}-user@example.org`,
  });
  const caseB = await prisma.case.create({
    data: {
      organisationId: b.organisation.id,
      slug: `case-${marker.toLowerCase()}`,
      title: `${marker} case`,
      summary: `${marker} summary of the case`,
      country: "KZ",
      status: "active",
      sources: { create: { title: `${marker} source`, publisher: `${marker} publisher` } },
      people: { create: { name: `${marker} person`, description: `${marker} description`, status: "detained" } },
      demands: { create: { text: `${marker} demand` } },
      events: { create: { occurredOn: "2020-01-01", description: `${marker} event` } },
      updates: { create: { title: `${marker} update`, body: `${marker} news` } },
    },
    include: { sources: true, people: true },
  });
  const campaignB = await createCampaign(b.organisation.id, caseB.id, {
    templates: [{ name: `${marker} template`, language: "en", subject: `${marker} subject`, body: `${marker} body` }],
  });
  await prisma.campaign.update({ where: { id: campaignB.id }, data: { title: `${marker} campaign`, petitionText: `${marker} petition` } });
  const targetB = await createTarget(b.organisation.id, {
    kind: "embassy",
    name: `${marker} embassy`,
    country: "BE",
    email: `${marker.toLowerCase()}@embassy.example.org`,
  });
  const letterB = await prisma.letter.create({
    data: {
      organisationId: b.organisation.id,
      campaignId: campaignB.id,
      targetId: targetB.id,
      sectionId: b.section.id,
      senderKey: b.section.id,
      language: "en",
      subject: `${marker} letter subject`,
      body: `${marker} letter body`,
      recipientName: targetB.name,
      recipientEmail: targetB.email,
      senderName: `${marker} sender`,
      signatories: `${marker} signatory`,
      status: "sent",
      sentAt: new Date(),
      replyToken: crypto.randomBytes(8).toString("hex"),
    },
  });
  const responseB = await prisma.response.create({
    data: {
      organisationId: b.organisation.id,
      letterId: letterB.id,
      channel: "post",
      kind: "denial",
      receivedAt: new Date(),
      fromName: `${marker} answerer`,
      summary: `${marker} answer`,
      fileName: "scan.txt",
      fileType: "text/plain",
      fileData: Buffer.from(`${marker} scan`),
    },
  });
  // B's unmatched, routed reply; and a reply routed to nobody, which A must not see either.
  await prisma.response.create({
    data: {
      organisationId: b.organisation.id,
      channel: "email",
      receivedAt: new Date(),
      fromName: `${marker} stray`,
      summary: `${marker} stray`,
      inboundTo: "x@replies.example.org",
    },
  });
  await prisma.response.create({
    data: {
      organisationId: null,
      channel: "email",
      receivedAt: new Date(),
      fromName: `${unroutedMarker} stray`,
      summary: `${unroutedMarker} stray`,
      inboundTo: "y@replies.example.org",
    },
  });
  await prisma.signature.create({
    data: {
      campaignId: campaignB.id,
      emailHash: emailHash(`${marker.toLowerCase()}@signer.example.org`),
      nameEnc: encrypt(`${marker} signer`),
      emailEnc: encrypt(`${marker.toLowerCase()}@signer.example.org`),
      country: "BE",
      showName: true,
      status: "confirmed",
      confirmedAt: new Date(),
      confirmationSentAt: new Date(),
      tokenHash: crypto.randomBytes(16).toString("hex"),
    },
  });
  await enqueueEmail(prisma, {
    dedupeKey: `${marker}-mail`,
    kind: "letter",
    to: `${marker.toLowerCase()}@to.example.org`,
    subject: `${marker} mail`,
    html: marker,
    text: marker,
    organisationId: b.organisation.id,
  });
  const importB = await prisma.targetImport.create({
    data: { organisationId: b.organisation.id, fileName: `${marker}.csv`, content: `name\n${marker} imported`, createdById: userB.id },
  });

  const updateB = await prisma.caseUpdate.create({ data: { caseId: caseB.id, title: `${marker} update`, body: `${marker} news` } });

  params = {
    updateId: updateB.id,
    campaignId: campaignB.id,
    templateId: campaignB.templates[0]!.id,
    caseId: caseB.id,
    kind: "sources",
    factId: caseB.sources[0]!.id,
    personId: caseB.people[0]!.id,
    letterId: letterB.id,
    responseId: responseB.id,
    sectionId: b.section.id,
    targetId: targetB.id,
    importId: importB.id,
    // A language is no one's: the case id is what must not be found.
    language: "de",
  };
});

const routesDir = path.resolve("app/routes");
const adminRoutes = fs.readdirSync(routesDir).filter((f) => /^admin[.]/.test(f) || f === "admin.tsx");

/** The URL of a route file, with B's ids in place of its parameters. */
function urlOf(file: string): { url: string; routeParams: Record<string, string> } {
  const routeParams: Record<string, string> = {};
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .filter((s) => s !== "_index")
    .map((segment) => {
      const name = segment.replace(/_$/, "").replaceAll(String.fromCharCode(0), ".");
      if (!name.startsWith("$")) return name;
      const key = name.slice(1);
      const value = params[key];
      if (!value) throw new Error(`${file}: no value of organisation B for :${key} (add it to this test)`);
      routeParams[key] = value;
      return value;
    });
  return { url: `/${segments.join("/")}`, routeParams };
}

async function shown(result: unknown): Promise<{ status: number; text: string }> {
  if (result instanceof Response) {
    const bytes = Buffer.from(await result.arrayBuffer());
    return { status: result.status, text: bytes.toString("utf8") + bytes.toString("latin1") };
  }
  return { status: 200, text: JSON.stringify(result) };
}

describe("an organiser of organisation A", () => {
  it("finds every admin page and export (list checked: the test knows each one)", () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(30);
  });

  it.each(adminRoutes)("sees nothing of organisation B at %s", async (file) => {
    const route = (await import(path.join(routesDir, file))) as { loader?: (args: LoaderFunctionArgs) => Promise<unknown> };
    if (!route.loader) return;
    const { url, routeParams } = urlOf(file);
    const result = await settle(route.loader({ request: request(url, { cookie: cookieA }), params: routeParams, context: testContext }));
    const { status, text } = await shown(result);
    if (Object.keys(routeParams).length > 0) expect([403, 404]).toContain(status);
    expect(text).not.toContain(marker);
    expect(text.toLowerCase()).not.toContain(marker.toLowerCase());
    expect(text).not.toContain(unroutedMarker);
  });
});

// The dev mailbox shows confirmation links: only a logged-in organiser reads it, and only their
// organisation's mail; being on this machine grants nothing.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { devMailboxTransport } from "~/mail/dev-mailbox.server";
import { createWorker } from "~/mail/worker.server";
import * as mailbox from "~/routes/dev.mailbox";
import * as emailHtml from "~/routes/dev.mailbox.$emailId.html";
import { cookieFor, createOrganisation, createUser, request, settle } from "../support/factories";

const remote = { cspNonce: "n", clientAddress: "203.0.113.5" };
const local = { cspNonce: "n", clientAddress: "127.0.0.1" };

async function deliveredTo(organisationId: string, to: string) {
  await enqueueEmail(prisma, {
    dedupeKey: `dev:${to}`,
    kind: "test",
    to,
    subject: `For ${to}`,
    html: "<p>Your link</p>",
    text: "Your link",
    organisationId,
  });
  await createWorker({
    transport: devMailboxTransport,
    requestsPerSecond: 1000,
    batchSize: 100,
    maxAttempts: 3,
    leaseMs: 10_000,
    retryBaseMs: 10,
    pollMs: 10,
  }).runOnce();
}

describe("the dev mailbox", () => {
  it("shows an organiser only their organisation's mail, wherever the request comes from, and refuses everyone else", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    await deliveredTo(a.organisation.id, "a-reader@example.org");
    await deliveredTo(b.organisation.id, "b-reader@example.org");
    await enqueueEmail(prisma, {
      dedupeKey: "dev:nobody",
      kind: "test",
      to: "no-organisation@example.org",
      subject: "No organisation",
      html: "<p>x</p>",
      text: "x",
    });
    await createWorker({
      transport: devMailboxTransport,
      requestsPerSecond: 1000,
      batchSize: 100,
      maxAttempts: 3,
      leaseMs: 10_000,
      retryBaseMs: 10,
      pollMs: 10,
    }).runOnce();

    // This machine is no one in particular: behind a proxy on the same host, every visitor is "local".
    for (const context of [local, remote]) {
      const stranger = (await settle(mailbox.loader({ request: request("/dev/mailbox"), params: {}, context }))) as Response;
      expect(stranger.status).toBe(403);
    }

    const organiserA = await createUser({ organisationId: a.organisation.id, role: "organiser" });
    const cookie = await cookieFor(organiserA.id);
    for (const context of [local, remote]) {
      const seen = await mailbox.loader({ request: request("/dev/mailbox", { cookie }), params: {}, context });
      expect(seen.emails.map((e) => e.toAddress)).toEqual(["a-reader@example.org"]);
    }

    const bEmail = await prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: "b-reader@example.org" } });
    const hidden = (await settle(
      emailHtml.loader({ request: request(`/dev/mailbox/${bEmail.id}/html`, { cookie }), params: { emailId: bEmail.id }, context: local }),
    )) as Response;
    expect(hidden.status).toBe(404);

    const member = await createUser({ organisationId: a.organisation.id, role: "section_member", sectionId: a.section.id });
    const memberReads = (await settle(
      mailbox.loader({ request: request("/dev/mailbox", { cookie: await cookieFor(member.id) }), params: {}, context: local }),
    )) as Response;
    expect(memberReads.status).toBe(403);
  });

  it("serves an email's HTML with a policy that runs no script and loads nothing from elsewhere", async () => {
    const { organisation } = await createOrganisation();
    await deliveredTo(organisation.id, "policy@example.org");
    const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: "policy@example.org" } });
    const response = (await emailHtml.loader({
      request: request(`/dev/mailbox/${email.id}/html`, { cookie: await cookieFor(organiser.id) }),
      params: { emailId: email.id },
      context: local,
    })) as Response;
    expect(await response.text()).toBe("<p>Your link</p>");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none';/);
  });
});

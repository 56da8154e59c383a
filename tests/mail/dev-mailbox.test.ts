// The dev mailbox shows confirmation links: only this machine or a logged-in organiser may read it,
// and an organiser from elsewhere sees only their organisation's mail.
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
  await enqueueEmail(prisma, { dedupeKey: `dev:${to}`, kind: "test", to, subject: `For ${to}`, html: "<p>Your link</p>", text: "Your link", organisationId });
  await createWorker({ transport: devMailboxTransport, requestsPerSecond: 1000, batchSize: 100, maxAttempts: 3, leaseMs: 10_000, retryBaseMs: 10, pollMs: 10 }).runOnce();
}

describe("the dev mailbox", () => {
  it("answers this machine, refuses a stranger from elsewhere, and shows an organiser only their organisation's mail", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    await deliveredTo(a.organisation.id, "a-reader@example.org");
    await deliveredTo(b.organisation.id, "b-reader@example.org");

    const onThisMachine = await mailbox.loader({ request: request("/dev/mailbox"), params: {}, context: local });
    expect(onThisMachine.emails.map((e) => e.toAddress)).toEqual(expect.arrayContaining(["a-reader@example.org", "b-reader@example.org"]));

    const stranger = (await settle(mailbox.loader({ request: request("/dev/mailbox"), params: {}, context: remote }))) as Response;
    expect(stranger.status).toBe(403);

    const organiserA = await createUser({ organisationId: a.organisation.id, role: "organiser" });
    const cookie = await cookieFor(organiserA.id);
    const fromElsewhere = await mailbox.loader({ request: request("/dev/mailbox", { cookie }), params: {}, context: remote });
    expect(fromElsewhere.emails.map((e) => e.toAddress)).toEqual(["a-reader@example.org"]);

    const bEmail = await prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: "b-reader@example.org" } });
    const hidden = (await settle(emailHtml.loader({ request: request(`/dev/mailbox/${bEmail.id}/html`, { cookie }), params: { emailId: bEmail.id }, context: remote }))) as Response;
    expect(hidden.status).toBe(404);

    const member = await createUser({ organisationId: a.organisation.id, role: "section_member", sectionId: a.section.id });
    const memberFromElsewhere = (await settle(mailbox.loader({ request: request("/dev/mailbox", { cookie: await cookieFor(member.id) }), params: {}, context: remote }))) as Response;
    expect(memberFromElsewhere.status).toBe(403);
  });

  it("serves an email's HTML with a policy that runs no script and loads nothing from elsewhere", async () => {
    const { organisation } = await createOrganisation();
    await deliveredTo(organisation.id, "policy@example.org");
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: "policy@example.org" } });
    const response = (await emailHtml.loader({ request: request(`/dev/mailbox/${email.id}/html`), params: { emailId: email.id }, context: local })) as Response;
    expect(await response.text()).toBe("<p>Your link</p>");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none';/);
  });
});

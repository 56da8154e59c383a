// Answers from targets and news for supporters: replies caught from each letter's reply-to
// address, answers logged by hand, follow-ups for letters with no answer, and case updates that
// reach only the signers who asked for them.
import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import * as webhook from "~/routes/webhooks.resend";
import * as logAnswer from "~/routes/admin.letters.$letterId_.responses.new";
import * as followUps from "~/routes/admin.campaigns.$campaignId.follow-ups";
import * as inboxPage from "~/routes/admin.responses._index";
import { fanOutCaseUpdates, fanOutNextChunk, publishCaseUpdate } from "~/cases/case-update.server";
import { readable } from "~/mail/outbox.server";
import { routeReply, setReplyDomain, unroutedReplies } from "~/responses/response.server";
import { formatPartialDate } from "~/ui/format";
import { encrypt, emailHash, signerLinkToken, tokenHash } from "~/security/crypto.server";
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
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";

const secret = vi.hoisted(() => {
  const value = `whsec_${Buffer.from("inbound-webhook-secret-32-bytes!").toString("base64")}`;
  process.env.RESEND_WEBHOOK_SECRET = value;
  process.env.RESEND_API_KEY = "re_test_inbound";
  process.env.APP_URL = "http://localhost"; // required with a Resend key
  return value;
});

let standIn: ResendStandIn;
beforeAll(async () => {
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.url;
});
afterAll(async () => {
  delete process.env.RESEND_BASE_URL;
  await standIn.stop();
});

async function sentLetter() {
  const { organisation, section } = await createOrganisation();
  const organiser = await createUser({ organisationId: organisation.id, role: "organiser" });
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, free them." }],
  });
  const target = await createTarget(organisation.id, {
    kind: "embassy",
    name: `Embassy ${crypto.randomUUID().slice(0, 6)}`,
    country: "BE",
  });
  const letter = await prisma.letter.create({
    data: {
      organisationId: organisation.id,
      campaignId: campaign.id,
      targetId: target.id,
      sectionId: section.id,
      senderKey: section.id,
      language: "en",
      subject: "Free the activists",
      body: "Your Excellency,\n\nPlease free them.",
      recipientName: target.name,
      recipientEmail: target.email,
      senderName: "Brussels section",
      signatories: "Marie",
      status: "sent",
      sentAt: new Date(Date.now() - 30 * 24 * 3600 * 1000),
      replyToken: crypto.randomBytes(8).toString("hex"),
    },
  });
  return { organisation, section, organiser, case: c, campaign, target, letter };
}

function post(body: string, id = `msg_${crypto.randomUUID()}`, key = secret) {
  const at = new Date();
  return webhook.action({
    request: new Request("http://localhost/webhooks/resend", {
      method: "POST",
      headers: {
        "svix-id": id,
        "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
        "svix-signature": new Webhook(key).sign(id, at, body),
      },
      body,
    }),
    params: {},
    context: testContext,
  }) as Promise<Response>;
}

function inboundEvent(emailId: string, to: string) {
  standIn.addReceivedEmail({
    id: emailId,
    from: "First Secretary <consul@embassy.example.org>",
    to: [to],
    subject: "Re: Free the activists",
    text: "We have received your letter and passed it to Astana.",
  });
  return JSON.stringify({
    type: "email.received",
    created_at: new Date().toISOString(),
    data: { email_id: emailId, from: "consul@embassy.example.org", to: [to], subject: "Re: Free the activists" },
  });
}

describe("replies by email", () => {
  it("records a reply to a letter's reply-to address as an answer to that letter, its target and campaign", async () => {
    const { letter } = await sentLetter();
    const response = await post(inboundEvent(crypto.randomUUID(), `reply+${letter.replyToken}@replies.example.org`));
    expect(response.status).toBe(200);
    const answers = await prisma.response.findMany({
      where: { letterId: letter.id },
      include: { letter: { select: { targetId: true, campaignId: true } } },
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      channel: "email",
      fromName: "First Secretary <consul@embassy.example.org>",
      summary: "Re: Free the activists",
      organisationId: letter.organisationId,
    });
    expect(answers[0]?.body).toContain("passed it to Astana");
    expect(answers[0]?.letter).toEqual({ targetId: letter.targetId, campaignId: letter.campaignId });
  });

  it("records the same inbound email once, even delivered twice", async () => {
    const { letter } = await sentLetter();
    const emailId = crypto.randomUUID();
    const body = inboundEvent(emailId, `reply+${letter.replyToken}@replies.example.org`);
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200); // Resend's retry: another delivery id
    const sameDelivery = `msg_${crypto.randomUUID()}`;
    expect((await post(body, sameDelivery)).status).toBe(200);
    expect((await post(body, sameDelivery)).status).toBe(200); // a replay: 2xx, or Resend retries for a day
    expect(await prisma.response.count({ where: { inboundEmailId: emailId } })).toBe(1);
  });

  it("refuses an inbound event with a date that is not a date (400, not a server error), and records nothing", async () => {
    const { letter } = await sentLetter();
    const emailId = crypto.randomUUID();
    const body = JSON.parse(inboundEvent(emailId, `reply+${letter.replyToken}@replies.example.org`));
    const response = await post(JSON.stringify({ ...body, created_at: "yesterday-ish" }));
    expect(response.status).toBe(400);
    expect(await prisma.response.count({ where: { inboundEmailId: emailId } })).toBe(0);
  });

  it("refuses a forged inbound event and records nothing", async () => {
    const { letter } = await sentLetter();
    const forged = `whsec_${Buffer.from("not-the-real-secret-32-bytes-ok!").toString("base64")}`;
    const response = await post(inboundEvent(crypto.randomUUID(), `reply+${letter.replyToken}@replies.example.org`), undefined, forged);
    expect(response.status).toBe(401);
    expect(await prisma.response.count({ where: { letterId: letter.id } })).toBe(0);
  });

  it("keeps a reply that matches no letter from every organisation until it is routed: by its domain, or by an operator", async () => {
    const mine = await sentLetter();
    const other = await sentLetter();
    const mineCookie = await cookieFor(mine.organiser.id);
    const otherCookie = await cookieFor(other.organiser.id);
    const inboxOf = async (cookie: string) =>
      (await inboxPage.loader({ request: request("/admin/responses", { cookie }), params: {}, context: testContext })).replies.map(
        (r) => r.id,
      );
    const claim = async (cookie: string, responseId: string, letterId: string) =>
      (await inboxPage.action({
        request: request("/admin/responses", { cookie, form: { responseId, letterId } }),
        params: {},
        context: testContext,
      })) as Response;

    // Unrouted: nobody's inbox, and nobody can claim it.
    const strayId = crypto.randomUUID();
    await post(inboundEvent(strayId, "press@replies.example.org"));
    const stray = await prisma.response.findUniqueOrThrow({ where: { inboundEmailId: strayId } });
    expect(stray).toMatchObject({ letterId: null, organisationId: null });
    expect(await inboxOf(mineCookie)).not.toContain(stray.id);
    expect(await inboxOf(otherCookie)).not.toContain(stray.id);
    expect((await claim(otherCookie, stray.id, other.letter.id)).status).toBe(404);

    // An operator routes it; then only that organisation sees and files it.
    expect(await unroutedReplies().then((rows) => rows.map((r) => r.id))).toContain(stray.id);
    expect(await routeReply(stray.id, mine.organisation.slug)).toBe(true);
    expect(await routeReply(stray.id, other.organisation.slug)).toBe(false);
    expect(await inboxOf(mineCookie)).toContain(stray.id);
    expect(await inboxOf(otherCookie)).not.toContain(stray.id);
    expect((await claim(otherCookie, stray.id, other.letter.id)).status).toBe(404);
    expect((await claim(mineCookie, stray.id, mine.letter.id)).status).toBe(200);
    expect((await prisma.response.findUniqueOrThrow({ where: { id: stray.id } })).letterId).toBe(mine.letter.id);

    // A reply to an address at an organisation's configured domain is that organisation's at once.
    const domain = `replies-${crypto.randomUUID().slice(0, 8)}.example.net`;
    expect(await setReplyDomain(other.organisation.slug, domain)).toBe(true);
    const routedId = crypto.randomUUID();
    await post(inboundEvent(routedId, `Press <press@${domain.toUpperCase()}>`));
    const routed = await prisma.response.findUniqueOrThrow({ where: { inboundEmailId: routedId } });
    expect(routed.organisationId).toBe(other.organisation.id);
    expect(await inboxOf(otherCookie)).toContain(routed.id);
    expect(await inboxOf(mineCookie)).not.toContain(routed.id);
  });
});

describe("answers logged by hand", () => {
  it("logs a postal answer with its kind, summary and scanned file", async () => {
    const { letter, organiser } = await sentLetter();
    const cookie = await cookieFor(organiser.id);
    // A week after the letter went (it was sent 30 days ago).
    const receivedOn = new Date(Date.now() - 23 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      channel: "post",
      receivedOn,
      fromName: "Ambassador",
      kind: "commitment",
      summary: "They will raise the case in Astana.",
      body: "Full text",
    }))
      form.set(k, v);
    form.set("file", new File([new Uint8Array([37, 80, 68, 70])], "answer.pdf", { type: "application/pdf" }));
    const result = (await settle(
      logAnswer.action({
        request: new Request(`http://localhost/admin/letters/${letter.id}/responses/new`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: form,
        }),
        params: { letterId: letter.id },
        context: testContext,
      }),
    )) as Response;
    expect(result.status).toBe(302);
    const answer = await prisma.response.findFirstOrThrow({ where: { letterId: letter.id } });
    expect(answer).toMatchObject({
      channel: "post",
      kind: "commitment",
      fromName: "Ambassador",
      summary: "They will raise the case in Astana.",
      fileName: "answer.pdf",
    });
    expect(answer.receivedAt.toISOString().slice(0, 10)).toBe(receivedOn);
  });

  async function logOn(letterId: string, cookie: string, receivedOn: string) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ channel: "phone", receivedOn, kind: "acknowledgement", summary: "They called back." }))
      form.set(k, v);
    return (await settle(
      logAnswer.action({
        request: new Request(`http://localhost/admin/letters/${letterId}/responses/new`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: form,
        }),
        params: { letterId },
        context: testContext,
      }),
    )) as Response;
  }
  const dayOf = (date: Date, plusDays = 0) => new Date(date.getTime() + plusDays * 24 * 3600 * 1000).toISOString().slice(0, 10);

  it("refuses an answer dated before its letter was sent, beside the date, keeping what was typed", async () => {
    const { letter, organiser } = await sentLetter();
    const cookie = await cookieFor(organiser.id);
    const early = dayOf(letter.sentAt!, -1);
    const refused = await logOn(letter.id, cookie, early);
    expect(refused.status).toBe(400);
    const failure = (await refused.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(failure.fieldErrors.receivedOn).toEqual([
      `The letter was sent on ${formatPartialDate(dayOf(letter.sentAt!))}: an answer cannot be dated before that.`,
    ]);
    expect(failure.values.receivedOn).toBe(early);
    expect(failure.values.summary).toBe("They called back.");
    expect(await prisma.response.count({ where: { letterId: letter.id } })).toBe(0);

    // The day it was sent is fine; the form says which day is the first.
    expect((await logOn(letter.id, cookie, dayOf(letter.sentAt!))).status).toBe(302);
    const page = await logAnswer.loader({
      request: request(`/admin/letters/${letter.id}/responses/new`, { cookie }),
      params: { letterId: letter.id },
      context: testContext,
    });
    expect(page.notBefore).toEqual({ day: dayOf(letter.sentAt!), sent: true });
  });

  it("counts from the first sending when a letter was sent again, and from its writing when it went only by post", async () => {
    const { letter, organiser } = await sentLetter();
    const cookie = await cookieFor(organiser.id);
    // First emailed 30 days ago, sent again today: an answer 10 days ago is to the first sending.
    await prisma.outboxEmail.create({
      data: {
        organisationId: letter.organisationId,
        dedupeKey: `letter:${crypto.randomUUID()}`,
        kind: "letter",
        subjectType: "letter",
        subjectId: letter.id,
        toAddress: "embassy@example.org",
        fromAddress: "letters@example.org",
        subject: letter.subject,
        html: "<p>x</p>",
        text: "x",
        status: "delivered",
        createdAt: letter.sentAt!,
      },
    });
    await prisma.letter.update({ where: { id: letter.id }, data: { sentAt: new Date() } });
    expect((await logOn(letter.id, cookie, dayOf(new Date(), -10))).status).toBe(302);

    // Printed and posted, never emailed: not before the day it was written.
    const posted = await prisma.letter.update({
      where: { id: (await sentLetter()).letter.id },
      data: { status: "approved", sentAt: null, createdAt: new Date(Date.now() - 5 * 24 * 3600 * 1000) },
    });
    const postedCookie = await cookieFor((await prisma.user.findFirstOrThrow({ where: { organisationId: posted.organisationId } })).id);
    const refused = await logOn(posted.id, postedCookie, dayOf(posted.createdAt, -1));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.receivedOn?.[0]).toMatch(
      /^The letter was written on .*: an answer cannot be dated before that\.$/,
    );
  });
});

describe("follow-ups", () => {
  it("lists a letter with no answer after the set days, and the follow-up names the first letter and its date", async () => {
    const { letter, organiser, campaign } = await sentLetter();
    const cookie = await cookieFor(organiser.id);
    const sender = letter.sectionId ?? "organisation";
    const page = await followUps.loader({
      request: request(`/admin/campaigns/${campaign.id}/follow-ups?sender=${sender}`, { cookie }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    expect(page.letters.map((l) => l.id)).toEqual([letter.id]);

    // It asks first, naming the target; nothing is queued until confirmed.
    const asked = (await followUps.action({
      request: request(`/admin/campaigns/${campaign.id}/follow-ups`, { cookie, form: { sender, letterId: letter.id } }),
      params: { campaignId: campaign.id },
      context: testContext,
    })) as Response;
    expect(await asked.json()).toMatchObject({
      confirm: { title: `Send a follow-up to ${letter.recipientName}`, items: [`${letter.recipientName} <${letter.recipientEmail}>`] },
    });
    expect(await prisma.outboxEmail.count({ where: { kind: "letter-follow-up", subjectId: letter.id } })).toBe(0);
    await followUps.action({
      request: request(`/admin/campaigns/${campaign.id}/follow-ups`, { cookie, form: { sender, letterId: letter.id, confirmed: "yes" } }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    const email = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: "letter-follow-up", subjectId: letter.id } });
    const date = letter.sentAt!.toISOString().slice(0, 10);
    const [y, m, d] = date.split("-").map(Number);
    const months = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    expect(email.text).toContain(`On ${d} ${months[m! - 1]} ${y} we wrote to you`);
    expect(email.replyTo).toBe(`reply+${letter.replyToken}@replies.example.org`);
    const after = await followUps.loader({
      request: request(`/admin/campaigns/${campaign.id}/follow-ups?sender=${sender}`, { cookie }),
      params: { campaignId: campaign.id },
      context: testContext,
    });
    expect(after.letters).toHaveLength(0);
  });
});

describe("case updates", () => {
  const signer = async (
    campaignId: string,
    name: string,
    email: string,
    opts: { wantsUpdates: boolean; status?: string; unsubscribed?: boolean },
  ) => {
    const id = `s${crypto.randomBytes(8).toString("hex")}`;
    await prisma.signature.create({
      data: {
        id,
        campaignId,
        emailHash: emailHash(email),
        nameEnc: encrypt(name),
        emailEnc: encrypt(email),
        country: "BE",
        wantsUpdates: opts.wantsUpdates,
        status: opts.status ?? "confirmed",
        tokenHash: tokenHash(signerLinkToken(id)),
        confirmationSentAt: new Date(),
        unsubscribedAt: opts.unsubscribed ? new Date() : null,
      },
    });
  };
  const publish = (c: { id: string; organisationId: string }, createdById: string) =>
    publishCaseUpdate({
      caseId: c.id,
      organisationId: c.organisationId,
      title: "Oksana Shevchuk released",
      body: "She was released from pre-trial detention today.",
      statusChangeId: null,
      createdById,
      emailSigners: true,
      appUrl: "http://localhost",
    });
  const caseUpdateEmails = async (updateId: string) =>
    (await prisma.outboxEmail.findMany({ where: { kind: "case-update", dedupeKey: { startsWith: `case-update:${updateId}:` } } })).map(
      readable,
    );

  it("reach only the signers who asked for updates and have not unsubscribed, queued by the worker after publishing", async () => {
    const { case: c, campaign, organiser } = await sentLetter();
    await signer(campaign.id, "Ana Wants", "ana@example.org", { wantsUpdates: true });
    await signer(campaign.id, "Bo Silent", "bo@example.org", { wantsUpdates: false });
    await signer(campaign.id, "Cy Pending", "cy@example.org", { wantsUpdates: true, status: "pending" });
    await signer(campaign.id, "Di Stopped", "di@example.org", { wantsUpdates: true, unsubscribed: true });

    const result = await publish(c, organiser.id);
    expect(result?.emailing).toBe(true);
    // Publishing only records it; the worker's fan-out queues the emails.
    expect(await caseUpdateEmails(result!.id)).toHaveLength(0);
    await fanOutCaseUpdates();
    const emails = await caseUpdateEmails(result!.id);
    expect(emails.map((e) => e.toAddress)).toEqual(["ana@example.org"]);
    const headers = JSON.parse(emails[0]!.headers ?? "{}") as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(emails[0]!.text).toContain("She was released");
    // No name typed into a form goes into an email: "Hello," only.
    expect(emails[0]!.text).toMatch(/^Hello,/);
    expect(emails[0]!.text).not.toContain("Ana Wants");
    expect(emails[0]!.encrypted).toBe(true);
    expect(await prisma.caseUpdate.findUniqueOrThrow({ where: { id: result!.id } })).toMatchObject({
      emailedCount: 1,
      emailedAt: expect.any(Date),
    });
  });

  it("emails a person who signed two of the case's petitions once, and a fan-out cut short resumes without sending twice", async () => {
    const { case: c, campaign, organiser } = await sentLetter();
    const second = await createCampaign(c.organisationId, c.id, { templates: [] });
    await signer(campaign.id, "Ana Twice", "ana.twice@example.org", { wantsUpdates: true });
    await signer(second.id, "Ana Twice", "Ana.Twice@example.org", { wantsUpdates: true });
    await signer(second.id, "Eve Once", "eve@example.org", { wantsUpdates: true });
    const result = await publish(c, organiser.id);

    // One chunk of one signer, then the process stops: the rest waits, and nothing is marked done.
    const first = await fanOutNextChunk(1);
    expect(first).toMatchObject({ updateId: result!.id, queued: 1, done: false });
    expect(await caseUpdateEmails(result!.id)).toHaveLength(1);
    expect((await prisma.caseUpdate.findUniqueOrThrow({ where: { id: result!.id } })).emailedAt).toBeNull();

    // A new worker picks it up where it stopped.
    await fanOutCaseUpdates(1);
    const emails = await caseUpdateEmails(result!.id);
    expect(emails.map((e) => e.toAddress).sort()).toEqual(["ana.twice@example.org", "eve@example.org"]);
    expect(await prisma.caseUpdate.findUniqueOrThrow({ where: { id: result!.id } })).toMatchObject({
      emailedCount: 2,
      emailedAt: expect.any(Date),
    });
    expect(await fanOutCaseUpdates()).toBe(0);
  });
});

describe("classifying an answer", () => {
  it("sets the kind of an email reply from the letter's page, and only for that letter's answers", async () => {
    const { letter, organiser } = await sentLetter();
    const other = await sentLetter();
    const mine = await prisma.response.create({
      data: { letterId: letter.id, organisationId: letter.organisationId, channel: "email", receivedAt: new Date() },
    });
    const theirs = await prisma.response.create({
      data: { letterId: other.letter.id, organisationId: other.letter.organisationId, channel: "email", receivedAt: new Date() },
    });
    const cookie = await cookieFor(organiser.id);
    const { action } = await import("~/routes/admin.letters.$letterId");
    const ok = (await action({
      request: request(`/admin/letters/${letter.id}`, { cookie, form: { intent: "classify", responseId: mine.id, kind: "denial" } }),
      params: { letterId: letter.id },
      context: testContext,
    })) as Response;
    expect(ok.status).toBe(200);
    expect((await prisma.response.findUniqueOrThrow({ where: { id: mine.id } })).kind).toBe("denial");
    const refused = (await action({
      request: request(`/admin/letters/${letter.id}`, { cookie, form: { intent: "classify", responseId: theirs.id, kind: "denial" } }),
      params: { letterId: letter.id },
      context: testContext,
    })) as Response;
    expect(refused.status).toBe(404);
    expect((await prisma.response.findUniqueOrThrow({ where: { id: theirs.id } })).kind).toBe("unclassified");
  });
});

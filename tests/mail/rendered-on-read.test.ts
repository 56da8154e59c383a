// A signature's confirmation email is queued as props in the signing transaction and rendered when
// the outbox is read (the worker as it sends). What the signer receives must be what was sent when
// the request rendered it, and a signature whose process died right after its commit still gets its
// email from the next worker, also one that starts later in a process of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { signerLinks } from "~/petitions/signer-links";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import { formStamp, signerLinkToken } from "~/security/crypto.server";
import { ConfirmSignatureEmail, confirmSignatureText } from "../../emails/confirm-signature";
import { createCampaign, createCase, createOrganisation, request, settle } from "../support/factories";
import { drain, workerFor } from "../support/mail";
import { startResendStandIn, type ResendStandIn } from "../support/resend-stand-in";

vi.hoisted(() => {
  process.env.SIGN_MIN_FILL_SECONDS = "0";
  process.env.SIGN_RATE_LIMIT_PER_HOUR = "1000";
});

let standIn: ResendStandIn;
const children: ChildProcess[] = [];
beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await standIn.stop();
});

let campaign: { id: string; slug: string; title: string };
beforeEach(async () => {
  await prisma.emailEvent.deleteMany();
  await prisma.outboxEmail.deleteMany();
  await prisma.signature.deleteMany();
  standIn.accepted.length = 0;
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  const created = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}." }],
  });
  campaign = await prisma.campaign.update({ where: { id: created.id }, data: { petitionText: "Free them." } });
});

let lastStampAt = 0;
async function sign(email: string) {
  const form = {
    intent: "sign",
    formStartedAt: formStamp((lastStampAt = Math.max(Date.now() - 10_000, lastStampAt + 1))),
    website: "",
    country: "BE",
    name: "Aigerim Nurlanovna",
    email,
  };
  const response = (await settle(
    campaignPage.action({
      request: request(`/campaigns/${campaign.slug}`, { form }),
      params: { slug: campaign.slug },
      context: { cspNonce: "n", clientAddress: "198.51.100.7" },
    }),
  )) as Response;
  expect(response.headers.get("Location")).toContain("signed=check-email");
  return prisma.outboxEmail.findFirstOrThrow({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
}

/** The email as the request used to render it, for this signature (the links carry its secret). */
async function asRenderedBefore(signatureId: string) {
  const props = { campaignTitle: campaign.title, ...signerLinks("http://localhost", signerLinkToken(signatureId)) };
  return renderEmail(ConfirmSignatureEmail(props), { text: confirmSignatureText(props) });
}

describe("the confirmation email rendered from the outbox", () => {
  it("is word for word the email the request rendered before, and the signing transaction writes no HTML", async () => {
    const row = await sign("aigerim@example.org");
    expect(row.html).toBe("");
    expect(row.text).toBe("");
    const expected = await asRenderedBefore(row.subjectId!);
    const shown = readable(row);
    expect(shown.html).toBe(expected.html);
    expect(shown.text).toBe(expected.text);

    await drain(workerFor(standIn));
    expect(standIn.accepted).toHaveLength(1);
    const sent = standIn.accepted[0]!;
    expect(sent.to).toEqual(["aigerim@example.org"]);
    expect(sent.subject).toBe(`Please confirm your signature: ${campaign.title}`);
    expect(sent.html).toBe(expected.html);
    expect(sent.text).toBe(expected.text);
    expect(sent.text).toContain(`/s/${signerLinkToken(row.subjectId!)}/confirm`);
  });

  it("reaches the signer when the process died after the commit, and a worker that claimed it died too", async () => {
    const row = await sign("dana@example.org");
    const expected = await asRenderedBefore(row.subjectId!);
    // A worker takes the email and dies before rendering or sending it.
    const dead = workerFor(standIn, { leaseMs: 50 });
    expect(await dead.claim()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 80));

    // A worker in a process of its own, started afterwards, with nothing in memory from the signing.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        RESEND_API_KEY: "re_test_rendered",
        APP_URL: "http://localhost",
        RESEND_BASE_URL: standIn.url,
        MAIL_REQUESTS_PER_SECOND: "50",
        MAIL_POLL_MS: "50",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const until = Date.now() + 60_000;
    while (standIn.accepted.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));

    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0]!.to).toEqual(["dana@example.org"]);
    expect(standIn.accepted[0]!.html).toBe(expected.html);
    expect(standIn.accepted[0]!.text).toBe(expected.text);
  }, 90_000);
});

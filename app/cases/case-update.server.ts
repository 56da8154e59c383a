// Case updates: a change in the people's situation, published on the case and campaign pages, and
// emailed (through the outbox, with one-click unsubscribe) to the signers who asked for updates.
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { signerLinks } from "~/petitions/signature.server";
import { decrypt, signerLinkToken } from "~/security/crypto.server";
import { CaseUpdateEmail, caseUpdateText } from "../../emails/case-update";

const FAN_OUT_CHUNK = 500;

export function caseUpdates(caseId: string) {
  return prisma.caseUpdate.findMany({ where: { caseId }, orderBy: { publishedAt: "desc" }, take: 20, select: { id: true, title: true, body: true, publishedAt: true } });
}

/**
 * Publishes the update and, when asked, queues one email per signer who wants updates (once per
 * person, even if they signed several of the case's petitions; never to the unsubscribed).
 */
export async function publishCaseUpdate({
  caseId,
  organisationId,
  title,
  body,
  statusChangeId,
  createdById,
  emailSigners,
  appUrl,
}: {
  caseId: string;
  organisationId: string;
  title: string;
  body: string;
  statusChangeId: string | null;
  createdById: string;
  emailSigners: boolean;
  appUrl: string;
}): Promise<{ id: string; emailed: number } | null> {
  const found = await prisma.case.findFirst({ where: { id: caseId, organisationId }, select: { id: true, title: true, slug: true } });
  if (!found) return null;
  const update = await prisma.caseUpdate.create({ data: { caseId, title, body, statusChangeId, createdById }, select: { id: true } });
  if (!emailSigners) return { id: update.id, emailed: 0 };

  const suppressed = new Set((await prisma.suppressedSupporter.findMany({ select: { emailHash: true } })).map((s) => s.emailHash));
  const seen = new Set<string>();
  let emailed = 0;
  let after: string | null = null;
  // Read and queue in chunks: a case with many signers never loads them all at once.
  for (;;) {
    const signers: Array<{ id: string; emailHash: string | null; nameEnc: string | null; emailEnc: string | null }> = await prisma.signature.findMany({
      where: {
        campaign: { caseId },
        status: "confirmed",
        wantsUpdates: true,
        unsubscribedAt: null,
        erasedAt: null,
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: FAN_OUT_CHUNK,
      select: { id: true, emailHash: true, nameEnc: true, emailEnc: true },
    });
    if (signers.length === 0) break;
    after = signers.at(-1)?.id ?? null;
    const emails: Array<{ signatureId: string; to: string; links: ReturnType<typeof signerLinks>; content: { html: string; text: string } }> = [];
    for (const s of signers) {
      if (!s.emailHash || !s.emailEnc || suppressed.has(s.emailHash) || seen.has(s.emailHash)) continue;
      seen.add(s.emailHash);
      const links = signerLinks(appUrl, signerLinkToken(s.id));
      const props = { name: s.nameEnc ? decrypt(s.nameEnc).split(/\s+/)[0] ?? "" : "", caseTitle: found.title, title, body, caseUrl: `${appUrl}/cases/${found.slug}`, ...links };
      emails.push({ signatureId: s.id, to: decrypt(s.emailEnc), links, content: await renderEmail(CaseUpdateEmail(props), { text: caseUpdateText(props) }) });
    }
    await prisma.$transaction(async (tx) => {
      for (const e of emails) {
        await enqueueEmail(tx, {
          dedupeKey: `case-update:${update.id}:${e.signatureId}`,
          kind: "case-update",
          to: e.to,
          subject: `${title} — ${found.title}`,
          ...e.content,
          organisationId,
          subjectType: "signature",
          subjectId: e.signatureId,
          sensitive: true,
          headers: { "List-Unsubscribe": `<${e.links.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
          tags: [{ name: "kind", value: "case-update" }],
        });
      }
    });
    emailed += emails.length;
  }
  await prisma.caseUpdate.update({ where: { id: update.id }, data: { emailedAt: new Date(), emailedCount: emailed } });
  return { id: update.id, emailed };
}

// Petition signatures: signing, confirming by email, erasing one's data, and the
// count that the public page reads in constant time (Campaign.signatureCount, kept in step here).
import { hot, prisma } from "~/db.server";
import { queuedEmailWriter, unsubscribeHeaders } from "~/mail/outbox.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { renderEmail } from "~/mail/render.server";
import { confirmationToRender } from "~/mail/templates.server";
import { signerLinks } from "~/petitions/signer-links";
import { spendStamp, spendStampAlone, StampUsedError } from "~/petitions/abuse.server";
import type { SignInput } from "~/petitions/signature.schema";
import {
  addressHash,
  decrypt,
  decryptOptional,
  emailHash,
  encrypt,
  encryptOptional,
  signerLinkToken,
  tokenHash,
} from "~/security/crypto.server";
import { timeOrderedId } from "~/security/random.server";
import { AlreadySignedEmail, alreadySignedText } from "../../emails/already-signed";

const RESEND_CONFIRMATION_AFTER_MS = 60 * 60 * 1000;

export { signerLinks } from "~/petitions/signer-links";

/** What signing needs to know of a campaign, in one prepared query (the action runs for every signature). */
export async function campaignForSigning(slug: string) {
  const row = await hot().get<{
    id: string;
    slug: string;
    title: string;
    organisationId: string;
    status: string;
    petitionText: string | null;
  }>(
    `SELECT "id", "slug", "title", "organisationId", "status", "petitionText" FROM "Campaign" WHERE "slug" = ? AND "status" IN ('live', 'closed')
       AND EXISTS (SELECT 1 FROM "Case" WHERE "Case"."id" = "Campaign"."caseId" AND "Case"."status" != 'draft')`,
    slug,
  );
  return row ?? null;
}

/**
 * The page says the same to everyone who signs ("check your inbox"), whatever the address's state:
 * `emailed` (for tests and the log, never for the page) is what went to the address's owner.
 */
export type SignResult = { kind: "check-email"; emailed: "confirmation" | "already-signed" | "nothing" } | { kind: "stamp-used" };

/**
 * Records a signature (pending until confirmed) and queues its confirmation email, together, and
 * spends the form's stamp in the same synchronous transaction. A known address gets at most one
 * email an hour: the confirmation link again, or "you have already signed"; a stopped one nothing.
 */
export async function sign({
  campaign,
  input,
  clientAddress,
  appUrl,
  stamp,
  language = defaultLanguage,
  source = null,
}: {
  campaign: { id: string; title: string; organisationId: string };
  input: SignInput;
  clientAddress: string | null;
  appUrl: string;
  stamp: string;
  /** The language of the page signed on: the confirmation goes in it. */
  language?: Language;
  /** The allow-listed channel of the shared link that brought the signer (app/growth/share.ts). */
  source?: string | null;
}): Promise<SignResult> {
  const hash = emailHash(input.email);
  // One prepared query for both checks (this runs for every signature).
  const found = await hot().get<{
    id: string | null;
    status: string | null;
    confirmationSentAt: string | null;
    language: string | null;
    stopped: number;
  }>(
    `SELECT s."id", s."status", s."confirmationSentAt", s."language", (SELECT COUNT(*) FROM "SuppressedSupporter" WHERE "emailHash" = ?) AS "stopped"
     FROM (SELECT 1) AS one LEFT JOIN "Signature" s ON s."campaignId" = ? AND s."emailHash" = ?`,
    hash,
    campaign.id,
    hash,
  );
  const existing = found?.id ? { id: found.id, status: found.status, confirmationSentAt: new Date(found.confirmationSentAt ?? 0) } : null;
  const now = new Date();
  const emailedRecently = existing !== null && now.getTime() - existing.confirmationSentAt.getTime() < RESEND_CONFIRMATION_AFTER_MS;

  const spendOnly = async (): Promise<SignResult> => {
    try {
      await spendStampAlone(stamp, now);
    } catch (error) {
      if (error instanceof StampUsedError) return { kind: "stamp-used" };
      throw error;
    }
    return { kind: "check-email", emailed: "nothing" };
  };
  if (Number(found?.stopped ?? 0) > 0 || emailedRecently) return spendOnly();

  // The link's secret is derived from the id with a key; the database keeps only its hash.
  const id = existing?.id ?? timeOrderedId("s");
  const token = signerLinkToken(id);
  const alreadySigned = existing?.status === "confirmed";
  // "You have already signed" speaks the language the signature was made in.
  const storedLanguage = isLanguage(found?.language) ? found.language : language;
  const links = signerLinks(appUrl, token, alreadySigned ? storedLanguage : language);
  // The confirmation (nearly every signature) is rendered by whoever reads it from the outbox: the
  // transaction writes its props, not kilobytes of encrypted HTML (app/mail/templates.server.ts).
  const email = alreadySigned
    ? await renderEmail(AlreadySignedEmail({ campaignTitle: campaign.title, ...links, language: storedLanguage }), {
        text: alreadySignedText({ campaignTitle: campaign.title, ...links, language: storedLanguage }),
      })
    : { html: "", text: "", renderFrom: confirmationToRender({ campaignTitle: campaign.title, appUrl, language }) };
  const kind = alreadySigned ? "already-signed" : "confirm-signature";
  const writeEmail = queuedEmailWriter(
    {
      id: `e${id}${existing ? `.${now.getTime()}` : ""}`,
      dedupeKey: `${kind}:${id}:${now.getTime()}`,
      kind,
      to: input.email,
      subject: alreadySigned
        ? tFor(storedLanguage)("email.alreadySigned.subject", { title: campaign.title })
        : tFor(language)("email.confirmSignature.subject", { title: campaign.title }),
      ...email,
      organisationId: campaign.organisationId,
      subjectType: "signature",
      subjectId: id,
      sensitive: true,
      headers: unsubscribeHeaders(links.unsubscribeUrl),
      tags: [{ name: "kind", value: kind }],
    },
    now,
  );

  // Everything is encrypted and made first: the write lock is then held only for the writes.
  const signatureRow = existing
    ? null
    : [
        id,
        campaign.id,
        hash,
        encrypt(input.name),
        encrypt(input.email),
        encryptOptional(input.city),
        encryptOptional(input.organisation),
        encryptOptional(input.comment),
        input.country,
        input.showName,
        input.wantsUpdates,
        language,
        tokenHash(token),
        now,
        addressHash(clientAddress),
        source,
        now,
      ];
  try {
    // One short write transaction on the hot path: the stamp, the row and its email, together or
    // not at all (app/db/hot.server.ts says why not through Prisma).
    await hot().transaction(async (tx) => {
      await spendStamp(tx, stamp, now);
      if (signatureRow) {
        await tx.run(
          `INSERT INTO "Signature" ("id", "campaignId", "emailHash", "nameEnc", "emailEnc", "cityEnc", "organisationEnc", "commentEnc",
            "country", "showName", "wantsUpdates", "language", "status", "tokenHash", "confirmationSentAt", "addressHash", "source", "createdAt")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
          ...signatureRow,
        );
      } else {
        await tx.run(`UPDATE "Signature" SET "confirmationSentAt" = ? WHERE "id" = ?`, now, id);
      }
      await writeEmail(tx);
    });
  } catch (error) {
    if (error instanceof StampUsedError) return { kind: "stamp-used" };
    // The same address signing twice at the same moment: the other request's row won.
    if (hot().isUniqueViolation(error)) return { kind: "check-email", emailed: "nothing" };
    throw error;
  }
  return { kind: "check-email", emailed: alreadySigned ? "already-signed" : "confirmation" };
}

/** The signature behind a link, with what the pages need to say. */
export function signatureByToken(token: string) {
  return prisma.signature.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      status: true,
      erasedAt: true,
      unsubscribedAt: true,
      campaignId: true,
      campaign: { select: { slug: true, title: true, status: true, signatureCount: true, signatureGoal: true } },
    },
  });
}

/** Confirming twice is harmless: only the move from pending to confirmed counts. */
export async function confirmSignature(token: string): Promise<"confirmed" | "already-confirmed" | "not-found"> {
  return prisma.$transaction(async (tx) => {
    const signature = await tx.signature.findUnique({
      where: { tokenHash: tokenHash(token) },
      select: { id: true, campaignId: true, erasedAt: true, source: true },
    });
    if (!signature || signature.erasedAt) return "not-found";
    const { count } = await tx.signature.updateMany({
      where: { id: signature.id, status: "pending" },
      data: { status: "confirmed", confirmedAt: new Date() },
    });
    if (count === 0) return "already-confirmed";
    await tx.campaign.update({ where: { id: signature.campaignId }, data: { signatureCount: { increment: 1 } } });
    // Counted per day as they come, so the dashboard never counts a million rows.
    const day = new Date().toISOString().slice(0, 10);
    await tx.campaignDay.upsert({
      where: { campaignId_day: { campaignId: signature.campaignId, day } },
      create: { campaignId: signature.campaignId, day, signatures: 1 },
      update: { signatures: { increment: 1 } },
    });
    // And per shared channel: how sharing works, counted without following anyone.
    const channel = signature.source ?? "direct";
    await tx.campaignChannelDay.upsert({
      where: { campaignId_day_channel: { campaignId: signature.campaignId, day, channel } },
      create: { campaignId: signature.campaignId, day, channel, signatures: 1 },
      update: { signatures: { increment: 1 } },
    });
    return "confirmed";
  });
}

/** Counts a supporter's own letter: sent through the app, or opened in their mail program. */
export async function countSupporterLetter(campaignId: string, way: "sent" | "mailto", letters = 1) {
  await prisma.campaign.update({
    where: { id: campaignId },
    data: way === "sent" ? { supporterLettersSent: { increment: letters } } : { supporterLettersMailto: { increment: letters } },
  });
}

export interface SignatureRow {
  id: string;
  name: string | null;
  email: string | null;
  city: string | null;
  organisation: string | null;
  comment: string | null;
  country: string;
  showName: boolean;
  wantsUpdates: boolean;
  status: string;
  createdAt: Date;
  confirmedAt: Date | null;
  erased: boolean;
}

export function openSignature(row: {
  id: string;
  nameEnc: string | null;
  emailEnc: string | null;
  cityEnc: string | null;
  organisationEnc: string | null;
  commentEnc: string | null;
  country: string;
  showName: boolean;
  wantsUpdates: boolean;
  status: string;
  createdAt: Date;
  confirmedAt: Date | null;
  erasedAt: Date | null;
}): SignatureRow {
  return {
    id: row.id,
    name: decryptOptional(row.nameEnc),
    email: row.emailEnc ? decrypt(row.emailEnc) : null,
    city: decryptOptional(row.cityEnc),
    organisation: decryptOptional(row.organisationEnc),
    comment: decryptOptional(row.commentEnc),
    country: row.country,
    showName: row.showName,
    wantsUpdates: row.wantsUpdates,
    status: row.status,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    erased: row.erasedAt !== null,
  };
}

export const signatureColumns = {
  id: true,
  nameEnc: true,
  emailEnc: true,
  cityEnc: true,
  organisationEnc: true,
  commentEnc: true,
  country: true,
  showName: true,
  wantsUpdates: true,
  status: true,
  createdAt: true,
  confirmedAt: true,
  erasedAt: true,
} as const;

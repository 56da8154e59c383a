// The durable outbox: the one way the app sends email. Code enqueues inside the transaction of the
// change that causes the email; the worker sends it later. Nothing is sent from inside a request.
import { prisma, sqliteDate, type HotStatements } from "~/db.server";
import { timeOrderedId } from "~/security/random.server";
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma.server/client";
import { decrypt, encrypt, isEncrypted } from "~/security/crypto.server";
import { renderQueuedEmail } from "~/mail/templates.server";

type Db = Prisma.TransactionClient | typeof prisma;

export interface EmailToQueue {
  /** Unique for this email, e.g. "invitation:<id>": enqueuing the same key twice keeps one email. */
  dedupeKey: string;
  /** The template's name: "invitation", "letter", "confirm-signature", ... */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  from?: string;
  replyTo?: string | null;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
  organisationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Supporter mail: sender, recipient, reply-to, subject and parts are stored encrypted. */
  sensitive?: boolean;
}

const seal = (sensitive: boolean, value: string) => (sensitive ? encrypt(value) : value);

/**
 * One new email's outbox row and its "queued" event, for the signing hot path: the values are
 * made (and sealed) now, and the returned function writes them with prepared statements of the hot
 * path (app/db/hot.server.ts), inside the caller's short write transaction. The caller has a
 * fresh dedupeKey and has checked suppression itself; everywhere else, use enqueueEmail.
 */
export function queuedEmailWriter(
  email: EmailToQueue & { id: string; renderFrom?: string },
  now = new Date(),
): (tx: HotStatements) => Promise<void> {
  const sensitive = email.sensitive ?? false;
  // Rendered when read: nothing to seal in the empty parts.
  const part = (value: string) => (email.renderFrom ? "" : seal(sensitive, value));
  const values = [
    email.id,
    email.organisationId ?? null,
    email.dedupeKey,
    email.kind,
    email.subjectType ?? null,
    email.subjectId ?? null,
    seal(sensitive, email.from ?? env().MAIL_FROM),
    seal(sensitive, normaliseAddress(email.to)),
    email.replyTo ? seal(sensitive, email.replyTo) : null,
    seal(sensitive, email.subject),
    part(email.html),
    part(email.text),
    email.headers ? JSON.stringify(email.headers) : null,
    email.tags ? JSON.stringify(email.tags) : null,
    sensitive,
    email.renderFrom ?? null,
    now,
    now,
  ];
  return async (tx) => {
    await tx.run(
      `INSERT INTO "OutboxEmail" ("id", "organisationId", "dedupeKey", "kind", "subjectType", "subjectId", "fromAddress", "toAddress",
        "replyTo", "subject", "html", "text", "headers", "tags", "encrypted", "renderFrom", "status", "attempts", "nextAttemptAt", "createdAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
      ...values,
    );
    await tx.run(
      `INSERT INTO "EmailEvent" ("id", "emailId", "type", "occurredAt") VALUES (?, ?, 'queued', ?)`,
      `${email.id}-q`,
      email.id,
      now,
    );
  };
}

/** RFC 8058 one-click unsubscribe: every supporter email carries these (mail programs POST to the URL). */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * The readable fields of an outbox row: decrypted when the row is sensitive, and rendered when it
 * was queued to be rendered on read (`renderFrom`, app/mail/templates.server.ts).
 */
export function readable<T extends { encrypted: boolean; toAddress: string; subject: string }>(row: T): T {
  const copy: Record<string, unknown> = { ...row };
  if (row.encrypted) {
    const open = (value: unknown) => (typeof value === "string" && isEncrypted(value) ? decrypt(value) : value);
    for (const key of ["fromAddress", "toAddress", "subject", "html", "text", "replyTo"]) if (key in copy) copy[key] = open(copy[key]);
  }
  if (typeof copy.renderFrom === "string" && !copy.html && ("html" in copy || "text" in copy)) {
    const rendered = renderQueuedEmail(copy.renderFrom, typeof copy.subjectId === "string" ? copy.subjectId : null);
    if ("html" in copy) copy.html = rendered.html;
    if ("text" in copy) copy.text = rendered.text;
  }
  return copy as T;
}

/** "Name via Solidarity letters <letters@…>": our address (the only one we may send from), their name. */
export function mailFromAs(displayName: string): string {
  const from = env().MAIL_FROM;
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return `${displayName.replace(/[<>"\r\n]/g, "")} via Solidarity letters <${address}>`;
}

/**
 * A provider's error or bounce text, as kept in the outbox's history and shown to organisers: any
 * email address in it (a supporter's, quoted by a mail server) is taken out first.
 */
export function withoutAddresses<T extends string | null | undefined>(text: T): T {
  return (typeof text === "string" ? text.replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, "[address]") : text) as T;
}

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Queues one email. Returns the outbox row's id, and whether it was new. */
export async function enqueueEmail(db: Db, email: EmailToQueue): Promise<{ id: string; created: boolean }> {
  const existing = await db.outboxEmail.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const to = normaliseAddress(email.to);
  const suppressed = await db.suppressedAddress.findUnique({ where: { address: to } });
  const sensitive = email.sensitive ?? false;
  const id = timeOrderedId("m");
  const now = sqliteDate(new Date());
  const status = suppressed ? "suppressed" : "queued";
  const lastError = suppressed ? suppressionReason(suppressed) : null;
  // One statement, whatever else commits meanwhile: of two transactions queuing the same key at
  // once (two servers fanning out one update), the second waits for the first and inserts nothing.
  // A SQLite date as text ("…+00:00") is also what a PostgreSQL timestamp column reads as UTC. A
  // supporter's letter goes "from" their name: sealed like the rest.
  const inserted = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "OutboxEmail" ("id", "dedupeKey", "kind", "fromAddress", "toAddress", "replyTo", "subject", "html", "text", "encrypted",
      "headers", "tags", "organisationId", "subjectType", "subjectId", "status", "lastError", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${id}, ${email.dedupeKey}, ${email.kind},
      ${seal(sensitive, email.from ?? env().MAIL_FROM)}, ${seal(sensitive, to)}, ${email.replyTo ? seal(sensitive, email.replyTo) : null},
      ${seal(sensitive, email.subject)}, ${seal(sensitive, email.html)}, ${seal(sensitive, email.text)}, ${sensitive},
      ${email.headers ? JSON.stringify(email.headers) : null}, ${email.tags ? JSON.stringify(email.tags) : null},
      ${email.organisationId ?? null}, ${email.subjectType ?? null}, ${email.subjectId ?? null}, ${status}, ${lastError}, 0,
      ${now}, ${now})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  if (inserted.length === 0) {
    const other = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
    return { id: other.id, created: false };
  }
  await db.emailEvent.create({ data: { emailId: id, type: status, detail: lastError } });
  return { id, created: true };
}

export function suppressionReason(s: { reason: string; detail: string | null; createdAt: Date }): string {
  const why =
    s.reason === "hard_bounce"
      ? "its mail server refused an earlier email (hard bounce)"
      : s.reason === "complaint"
        ? "its owner marked an earlier email as spam"
        : "its owner asked us to stop";
  return `Not sent: this address is suppressed because ${why} on ${s.createdAt.toISOString().slice(0, 10)}.${s.detail ? ` ${s.detail}` : ""}`;
}

/** The organiser's view of their organisation's outbox: counts, problems and why, recent mail. */
export async function outboxOverview(organisationId: string) {
  const counts = await prisma.outboxEmail.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } });
  const problems = await prisma.outboxEmail
    .findMany({
      where: { organisationId, status: { in: ["failed", "bounced", "complained", "suppressed", "delivery_delayed"] } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, toAddress: true, subject: true, status: true, lastError: true, attempts: true, createdAt: true, encrypted: true },
    })
    .then((rows) => rows.map(readable));
  // Only the suppressed addresses this organisation has written to: others are not its business.
  const addresses = [...new Set(problems.map((p) => p.toAddress))];
  const suppressed = await prisma.suppressedAddress.findMany({ where: { address: { in: addresses } }, orderBy: { createdAt: "desc" } });
  const recent = await prisma.outboxEmail
    .findMany({
      where: { organisationId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
        encrypted: true,
      },
    })
    .then((rows) => rows.map(readable));
  return { counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])), problems, suppressed, recent };
}

/** An organiser asks for a failed email to be tried again: it goes back to the queue, from scratch. */
export async function retryFailedEmail(organisationId: string, emailId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: emailId, organisationId, status: "failed" },
      // A new batch of its own: the old batch's idempotency key belongs to the old payload.
      data: {
        status: "queued",
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        batchKey: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        failedAt: null,
      },
    });
    if (count === 1) await tx.emailEvent.create({ data: { emailId, type: "retry-requested" } });
    return count === 1;
  });
}

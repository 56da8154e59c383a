// The provider's request rate is one limit for all our workers together (Resend counts per API
// key), so the pace is kept in the database: each request first takes the next free slot, in one
// atomic statement, and waits for it. A 429's retry-after holds every worker back.
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma.server/client";

const ROW = 1;

/** Takes the next request slot, `intervalMs` after the previous one; returns when it starts (ms). */
export async function reserveRequestSlot(intervalMs: number, now = Date.now()): Promise<number> {
  const at = Prisma.sql`CAST(${Math.round(now)} AS BIGINT)`;
  const interval = Prisma.sql`CAST(${Math.ceil(intervalMs)} AS BIGINT)`;
  // CASE rather than MAX(a, b) or GREATEST: the same SQL on SQLite and PostgreSQL.
  const [row] = await prisma.$queryRaw<Array<{ slot: bigint | number }>>`
    INSERT INTO "MailPace" ("id", "nextAt") VALUES (${ROW}, ${at} + ${interval})
    ON CONFLICT ("id") DO UPDATE SET "nextAt" = CASE WHEN "MailPace"."nextAt" > ${at} THEN "MailPace"."nextAt" ELSE ${at} END + ${interval}
    RETURNING "nextAt" - ${interval} AS "slot"`;
  return Number(row?.slot ?? now);
}

/** No worker starts a request before `until` (ms): the provider asked us to wait. */
export async function holdRequestsUntil(until: number): Promise<void> {
  const at = Prisma.sql`CAST(${Math.round(until)} AS BIGINT)`;
  await prisma.$executeRaw`
    INSERT INTO "MailPace" ("id", "nextAt") VALUES (${ROW}, ${at})
    ON CONFLICT ("id") DO UPDATE SET "nextAt" = CASE WHEN "MailPace"."nextAt" > ${at} THEN "MailPace"."nextAt" ELSE ${at} END`;
}

// The provider's request rate is one limit for all our workers together (Resend counts per API
// key), so the pace is kept in the database: each request first takes the next free slot, in one
// atomic statement, and waits for it. A 429's retry-after holds every worker back.
import { prisma } from "~/db.server";

const ROW = 1;

/** Takes the next request slot, `intervalMs` after the previous one; returns when it starts (ms). */
export async function reserveRequestSlot(intervalMs: number, now = Date.now()): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ slot: bigint | number }>>`
    INSERT INTO "MailPace" ("id", "nextAt") VALUES (${ROW}, ${now + intervalMs})
    ON CONFLICT ("id") DO UPDATE SET "nextAt" = MAX("nextAt", ${now}) + ${intervalMs}
    RETURNING "nextAt" - ${intervalMs} AS "slot"`;
  return Number(row?.slot ?? now);
}

/** No worker starts a request before `until` (ms): the provider asked us to wait. */
export async function holdRequestsUntil(until: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "MailPace" ("id", "nextAt") VALUES (${ROW}, ${until})
    ON CONFLICT ("id") DO UPDATE SET "nextAt" = MAX("nextAt", ${until})`;
}

// Confirmed signatures per day and per shared channel, for the campaign dashboard: counts only,
// kept as signatures are confirmed (app/petitions/signature.server.ts), never per person.
import { prisma } from "~/db.server";
import { CHANNEL_COLUMNS } from "~/growth/share";

export interface ChannelDay {
  day: string;
  counts: Record<(typeof CHANNEL_COLUMNS)[number], number>;
}

/** The days with at least one confirmed signature, newest first, each with its count per channel. */
export async function signaturesByChannel(campaignId: string): Promise<ChannelDay[]> {
  const rows = await prisma.campaignChannelDay.findMany({
    where: { campaignId },
    orderBy: { day: "desc" },
    select: { day: true, channel: true, signatures: true },
  });
  const days = new Map<string, ChannelDay>();
  for (const row of rows) {
    const column = CHANNEL_COLUMNS.find((c) => c === row.channel);
    if (!column) continue;
    let day = days.get(row.day);
    if (!day) {
      day = { day: row.day, counts: { direct: 0, whatsapp: 0, telegram: 0, email: 0, copy: 0 } };
      days.set(row.day, day);
    }
    day.counts[column] += row.signatures;
  }
  return [...days.values()];
}

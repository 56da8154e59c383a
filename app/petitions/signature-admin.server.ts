// The organiser's view of a petition's signatures: pages with filters, a CSV export streamed in
// constant memory, and the figures for the hand-in document.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma.server/client";
import { openSignature, signatureColumns, type SignatureRow } from "~/petitions/signature.server";
import { emailHash } from "~/security/crypto.server";
import { countryName } from "~/ui/format";
import { looksLikeAddress } from "~/petitions/signature.schema";
import { spreadsheetCell } from "~/security/spreadsheet";

export interface SignatureFilters {
  status: "" | "pending" | "confirmed";
  country: string;
  /** An exact address: names and addresses are encrypted, so this is how one signer is found. */
  email: string;
  shown: "" | "yes" | "no";
}

const FiltersSchema = z.object({
  status: z.enum(["", "pending", "confirmed"]).catch(""),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/)
    .catch(""),
  email: z.string().trim().max(254).catch(""),
  shown: z.enum(["", "yes", "no"]).catch(""),
});

/** Filters from the page's address; anything malformed is simply ignored. */
export function filtersFrom(url: URL): SignatureFilters {
  return FiltersSchema.parse(Object.fromEntries(url.searchParams));
}

function where(campaignId: string, f: SignatureFilters): Prisma.SignatureWhereInput {
  return {
    campaignId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.email ? { emailHash: emailHash(f.email) } : {}),
    ...(f.shown ? { showName: f.shown === "yes" } : {}),
  };
}

export const SIGNATURES_PER_PAGE = 50;

/**
 * One page, newest first (signature ids sort by time); `after` is the last id of the previous page
 * (keyset paging stays fast at a million rows).
 */
export async function listSignatures(campaignId: string, filters: SignatureFilters, after: string | null) {
  const rows = await prisma.signature.findMany({
    where: { ...where(campaignId, filters), ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: "desc" },
    take: SIGNATURES_PER_PAGE + 1,
    select: signatureColumns,
  });
  const page = rows.slice(0, SIGNATURES_PER_PAGE).map(openSignature);
  return { signatures: page, nextAfter: rows.length > SIGNATURES_PER_PAGE ? (page.at(-1)?.id ?? null) : null };
}

export async function signatureTotals(campaignId: string) {
  const [campaign, pending, byCountry] = await Promise.all([
    prisma.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { signatureCount: true, signatureGoal: true, supporterLettersSent: true, supporterLettersMailto: true },
    }),
    prisma.signature.count({ where: { campaignId, status: "pending" } }),
    prisma.signature.groupBy({
      by: ["country"],
      where: { campaignId, status: "confirmed" },
      _count: { _all: true },
      orderBy: { _count: { country: "desc" } },
      take: 10,
    }),
  ]);
  return { ...campaign, pending, byCountry: byCountry.map((c) => ({ country: c.country, count: c._count._all })) };
}

const header = [
  "name",
  "email",
  "country",
  "city",
  "organisation",
  "comment",
  "show_name",
  "wants_updates",
  "status",
  "signed_at",
  "confirmed_at",
];

function csvRow(s: SignatureRow): string[] {
  return [
    spreadsheetCell(s.name),
    spreadsheetCell(s.email),
    s.country,
    spreadsheetCell(s.city),
    spreadsheetCell(s.organisation),
    spreadsheetCell(s.comment),
    s.showName ? "yes" : "no",
    s.wantsUpdates ? "yes" : "no",
    s.erased ? "erased" : s.status,
    s.createdAt.toISOString(),
    s.confirmedAt?.toISOString() ?? "",
  ];
}

/**
 * Every signature as CSV, read in pages of a thousand and written as they come: a million rows
 * never sit in memory together, and the download starts at once.
 */
export function signaturesCsvStream(campaignId: string, filters: SignatureFilters, pageSize = 1000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark makes spreadsheets read UTF-8: Cyrillic and Kazakh names stay intact.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header])}`));
      }
      const rows = await prisma.signature.findMany({
        where: { ...where(campaignId, filters), ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: pageSize,
        select: signatureColumns,
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows.at(-1)?.id ?? null;
      controller.enqueue(encoder.encode(stringify(rows.map((r) => csvRow(openSignature(r))))));
    },
  });
}

/** The names and countries of confirmed signers who agreed to be shown, for the hand-in document. */
/** What the hand-in PDF prints besides the campaign: who hands it in, totals per country, names. */
export async function handInContents({
  organisationId,
  campaignId,
  maxNames,
}: {
  organisationId: string;
  campaignId: string;
  maxNames: number;
}) {
  const [organisation, countries, { names, shownCount }] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    confirmedByCountry(campaignId),
    shownSigners(campaignId, maxNames),
  ]);
  return { organisationName: organisation.name, countries, names, shownCount };
}

/** Confirmed signatures per country, largest first (erased ones still count: their country stays). */
export async function confirmedByCountry(campaignId: string): Promise<Array<{ country: string; count: number }>> {
  const groups = await prisma.signature.groupBy({
    by: ["country"],
    where: { campaignId, status: "confirmed" },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({ country: countryName(g.country), count: g._count._all }))
    .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country, "en"));
}

export async function shownSigners(campaignId: string, limit: number) {
  const rows = await prisma.signature.findMany({
    where: { campaignId, status: "confirmed", showName: true, erasedAt: null },
    orderBy: { confirmedAt: "asc" },
    take: limit,
    select: signatureColumns,
  });
  const shownCount = await prisma.signature.count({ where: { campaignId, status: "confirmed", showName: true, erasedAt: null } });
  // The document goes to the authorities: a name that reads like a link or an address is left out.
  const names = rows
    .map(openSignature)
    .filter((s) => s.name && !looksLikeAddress(s.name))
    .map((s) => ({ name: s.name ?? "", country: countryName(s.country) }));
  return { names, shownCount };
}

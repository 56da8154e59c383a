// What the public campaign page shows: the campaign, who is at risk, the demands, the news, the
// exact count (kept in step on the campaign row) and the latest signers who agreed to be shown.
// Every supporter opens this page, far more often than anyone signs; so, like signing, it reads
// through prepared statements of the hot path (app/db/hot.server.ts): Prisma's compiling of the
// nested query was a third of the page's time.
import { contentFromRows } from "~/content/translation.server";
import { hot } from "~/db.server";
import { defaultLanguage, type Language } from "~/i18n/config";
import { looksLikeAddress } from "~/petitions/signature.schema";
import { decryptOptional } from "~/security/crypto.server";

interface CampaignRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  callToAction: string;
  status: string;
  petitionText: string | null;
  signatureCount: number;
  signatureGoal: number | null;
  caseId: string;
}

/**
 * The page in `language`: each text the organisers translated, the original otherwise
 * (`untranslatedIn` names the language then, for a short note). The page's cache is kept per
 * language, so the choice must depend on nothing else.
 */
export async function campaignPage(slug: string, language: Language = defaultLanguage) {
  const db = hot();
  const campaign = await db.get<CampaignRow>(
    `SELECT "id", "slug", "title", "summary", "callToAction", "status", "petitionText", "signatureCount", "signatureGoal", "caseId"
     FROM "Campaign" WHERE "slug" = ? AND "status" IN ('live', 'closed')`,
    slug,
  );
  if (!campaign) return null;
  const { caseId, ...fields } = campaign;
  // The rest at once (on PostgreSQL, each on its own connection of the pool).
  const [about, people, demands, updates, signers, translations] = await Promise.all([
    // A draft case is not public, whatever its campaign says (older data may pair them).
    db.get<{ slug: string; title: string; summary: string }>(
      `SELECT "slug", "title", "summary" FROM "Case" WHERE "id" = ? AND "status" != 'draft'`,
      caseId,
    ),
    db.all<{ id: string; name: string; status: string; heldAt: string | null; description: string }>(
      `SELECT "id", "name", "status", "heldAt", "description" FROM "Person" WHERE "caseId" = ? ORDER BY "position" ASC, "createdAt" ASC`,
      caseId,
    ),
    db.all<{ id: string; text: string }>(`SELECT "id", "text" FROM "Demand" WHERE "caseId" = ? ORDER BY "position" ASC, "id" ASC`, caseId),
    db.all<{ id: string; title: string; body: string; publishedAt: string }>(
      `SELECT "id", "title", "body", "publishedAt" FROM "CaseUpdate" WHERE "caseId" = ? AND "hiddenAt" IS NULL ORDER BY "publishedAt" DESC LIMIT 5`,
      caseId,
    ),
    // Served by the index on (campaignId, status, confirmedAt): the newest confirmed first.
    campaign.petitionText
      ? db.all<{ nameEnc: string | null; country: string }>(
          `SELECT "nameEnc", "country" FROM "Signature"
           WHERE "campaignId" = ? AND "status" = 'confirmed' AND "showName" = TRUE AND "erasedAt" IS NULL
           ORDER BY "confirmedAt" DESC LIMIT 8`,
          campaign.id,
        )
      : [],
    language === defaultLanguage
      ? []
      : db.all<{ entityType: string; entityId: string; field: string; text: string }>(
          `SELECT "entityType", "entityId", "field", "text" FROM "ContentTranslation" WHERE "caseId" = ? AND "language" = ?`,
          caseId,
          language,
        ),
  ]);
  if (!about) return null;
  const content = contentFromRows(language, translations);
  return {
    campaign: {
      ...fields,
      title: content.pick("campaign", fields.id, "title", fields.title),
      summary: content.pick("campaign", fields.id, "summary", fields.summary),
      callToAction: content.pick("campaign", fields.id, "callToAction", fields.callToAction),
      petitionText: content.pick("campaign", fields.id, "petitionText", fields.petitionText),
      case: {
        ...about,
        // The page names the people but does not show their descriptions (the case page does).
        people,
        demands: demands.map((d) => ({ ...d, text: content.pick("demand", d.id, "text", d.text) })),
        updates,
      },
    },
    untranslatedIn: content.untranslatedIn,
    // First name and country only: not even the row's id leaves the server. A name that reads like
    // a link or an address (typed before the form refused them, or slipped past) is not shown.
    signers: signers
      .map((s) => ({ firstName: (decryptOptional(s.nameEnc) ?? "").trim().split(/\s+/)[0] ?? "", country: s.country }))
      .filter((s) => s.firstName !== "" && !looksLikeAddress(s.firstName)),
  };
}

// Organisers' translations of a case's public text (the case, its campaigns, demands and people):
// which fields can be translated, saving them, and picking the visitor's language or the original.
import { prisma } from "~/db.server";
import { defaultLanguage, type Language } from "~/i18n/config";
import { multiLine, singleLine } from "~/security/text";

export const entityTypes = ["case", "campaign", "demand", "person"] as const;
export type EntityType = (typeof entityTypes)[number];

interface FieldRule {
  label: string;
  max: number;
  lines: "single" | "multi";
}

// The same limits as the original fields (app/campaigns/campaign.schema.ts, app/cases/case.schema.ts).
export const translatableFields = {
  case: {
    title: { label: "Title", max: 200, lines: "single" },
    summary: { label: "Summary", max: 5000, lines: "multi" },
  },
  campaign: {
    title: { label: "Title", max: 200, lines: "single" },
    summary: { label: "Summary", max: 3000, lines: "multi" },
    callToAction: { label: "Call to action", max: 500, lines: "multi" },
    petitionText: { label: "Petition text", max: 10000, lines: "multi" },
  },
  demand: { text: { label: "Demand", max: 1000, lines: "multi" } },
  person: { description: { label: "Who they are", max: 1000, lines: "multi" } },
} as const satisfies Record<EntityType, Record<string, FieldRule>>;

/** The form field of one translation: "campaign.<id>.title". Ids are cuids, so dots cannot clash. */
export function translationFieldName(entityType: EntityType, entityId: string, field: string): string {
  return `${entityType}.${entityId}.${field}`;
}

function translationText(rule: FieldRule) {
  // An empty box means "not translated": the original is shown.
  return (rule.lines === "multi" ? multiLine() : singleLine())
    .trim()
    .max(rule.max, `${rule.label} can be at most ${rule.max.toLocaleString("en")} characters.`);
}

export interface TranslatableField {
  name: string;
  entityType: EntityType;
  entityId: string;
  field: string;
  label: string;
  /** Who or what the field belongs to, for the form's headings: "Campaign “…”", "Demand 2". */
  owner: string;
  original: string;
  translation: string;
  max: number;
  lines: "single" | "multi";
}

/**
 * Every translatable field of an organisation's case, with its original and the translation into
 * `language` so far; null when the case is not this organisation's.
 */
export async function translatableContent({
  caseId,
  organisationId,
  language,
}: {
  caseId: string;
  organisationId: string;
  language: Language;
}) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, organisationId },
    select: {
      id: true,
      title: true,
      summary: true,
      campaigns: {
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, summary: true, callToAction: true, petitionText: true },
      },
      demands: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, text: true } },
      people: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, description: true } },
      translations: { where: { language }, select: { entityType: true, entityId: true, field: true, text: true } },
    },
  });
  if (!found) return null;
  const saved = new Map(found.translations.map((t) => [translationFieldName(entityTypeOr(t.entityType), t.entityId, t.field), t.text]));
  const fields: TranslatableField[] = [];
  const add = (entityType: EntityType, entityId: string, owner: string, values: Record<string, string | null>) => {
    const rules: Record<string, FieldRule> = translatableFields[entityType];
    for (const [field, rule] of Object.entries(rules)) {
      const original = values[field];
      if (!original) continue;
      const name = translationFieldName(entityType, entityId, field);
      fields.push({
        name,
        entityType,
        entityId,
        field,
        label: rule.label,
        owner,
        original,
        translation: saved.get(name) ?? "",
        max: rule.max,
        lines: rule.lines,
      });
    }
  };
  add("case", found.id, `Case “${found.title}”`, { title: found.title, summary: found.summary });
  for (const c of found.campaigns) {
    add("campaign", c.id, `Campaign “${c.title}”`, {
      title: c.title,
      summary: c.summary,
      callToAction: c.callToAction,
      petitionText: c.petitionText,
    });
  }
  found.demands.forEach((d, i) => add("demand", d.id, `Demand ${i + 1}`, { text: d.text }));
  for (const p of found.people) add("person", p.id, p.name, { description: p.description });
  return { caseId: found.id, title: found.title, fields };
}

function entityTypeOr(value: string): EntityType {
  return entityTypes.find((t) => t === value) ?? "case";
}

export type TranslationErrors = Record<string, string>;

/**
 * Saves the typed translations of a case's fields into one language: a filled box is stored, an
 * emptied one removed (the original shows again). Fields the form did not send are left alone.
 * Returns the errors per field name, and saves nothing when there is one.
 */
export async function saveTranslations({
  caseId,
  organisationId,
  language,
  formData,
}: {
  caseId: string;
  organisationId: string;
  language: Language;
  formData: FormData;
}): Promise<{ ok: true; saved: number } | { ok: false; errors: TranslationErrors; values: Record<string, string> } | null> {
  if (language === defaultLanguage)
    return { ok: false, errors: { language: "English is the original: edit it on the case or campaign page." }, values: {} };
  const content = await translatableContent({ caseId, organisationId, language });
  if (!content) return null;
  const errors: TranslationErrors = {};
  const values: Record<string, string> = {};
  const writes: Array<{ field: TranslatableField; text: string }> = [];
  for (const field of content.fields) {
    const raw = formData.get(field.name);
    if (raw === null) continue;
    const parsed = translationText(field).safeParse(typeof raw === "string" ? raw : "");
    values[field.name] = typeof raw === "string" ? raw : "";
    if (!parsed.success) errors[field.name] = parsed.error.issues[0]?.message ?? "Check this text.";
    else writes.push({ field, text: parsed.data });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  await prisma.$transaction(async (tx) => {
    for (const { field, text } of writes) {
      const key = { entityType: field.entityType, entityId: field.entityId, field: field.field, language };
      if (text === "") await tx.contentTranslation.deleteMany({ where: key });
      else {
        await tx.contentTranslation.upsert({
          where: { entityType_entityId_field_language: key },
          create: { ...key, caseId, text },
          update: { text },
        });
      }
    }
  });
  return { ok: true, saved: writes.filter((w) => w.text !== "").length };
}

/** The translations of one case into one language, for a public page. */
export async function caseTranslations(caseId: string, language: Language): Promise<ContentInLanguage> {
  if (language === defaultLanguage) return new ContentInLanguage(language, new Map());
  const rows = await prisma.contentTranslation.findMany({
    where: { caseId, language },
    select: { entityType: true, entityId: true, field: true, text: true },
  });
  return contentFromRows(language, rows);
}

export function contentFromRows(language: Language, rows: Array<{ entityType: string; entityId: string; field: string; text: string }>) {
  return new ContentInLanguage(language, new Map(rows.map((r) => [`${r.entityType}.${r.entityId}.${r.field}`, r.text])));
}

/**
 * Picks each field's translation or its original, and remembers whether any original was shown,
 * so the page can say "not yet available in your language" once.
 */
export class ContentInLanguage {
  missing = false;
  constructor(
    readonly language: Language,
    private readonly texts: Map<string, string>,
  ) {}

  pick<T extends string | null>(entityType: EntityType, entityId: string, field: string, original: T): T {
    if (!original) return original;
    const found = this.texts.get(translationFieldName(entityType, entityId, field));
    if (found) return found as T;
    if (this.language !== defaultLanguage) this.missing = true;
    return original;
  }

  /** For the page: the visitor's language when some text is shown in the original instead, else null. */
  get untranslatedIn(): Language | null {
    return this.missing ? this.language : null;
  }
}

// Loads the demo organisation and the demo cases into an empty database, in one transaction.
import type { PrismaClient } from "~/generated/prisma.server/client";
import { hashPassword } from "~/auth/password.server";
import { demoCampaigns } from "./campaigns";
import { demoCases } from "./cases";
import { demoTargets } from "./targets";
import { seedTargets } from "~/targets/target.server";
import { DEMO_PASSWORD, demoOrganisation } from "./demo-organisation";
import type { SeedCase } from "./types";
import { encodeList } from "~/lists";

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}

export async function seedDemo(prisma: PrismaClient, cases: SeedCase[] = demoCases) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const org = await tx.organisation.create({ data: { name: demoOrganisation.name, slug: demoOrganisation.slug } });
      const sectionIds = new Map<string, string>();
      for (const { key, ...section } of demoOrganisation.sections) {
        const row = await tx.section.create({ data: { ...section, organisationId: org.id } });
        sectionIds.set(key, row.id);
      }
      for (const { section, ...user } of demoOrganisation.users) {
        await tx.user.create({
          data: { ...user, passwordHash, organisationId: org.id, sectionId: section ? (sectionIds.get(section) ?? null) : null },
        });
      }

      // Rows written in one go would share a timestamp; a step apart keeps the report's order.
      let clock = Date.now() - 60 * 60 * 1000;
      const tick = () => new Date((clock += 1000));

      for (const c of cases) {
        const row = await tx.case.create({
          data: {
            organisationId: org.id,
            slug: c.slug,
            title: c.title,
            summary: c.summary,
            country: c.country,
            startedOn: c.startedOn,
            status: "active",
          },
        });
        const sourceIds = new Map<string, string>();
        for (const s of c.sources) {
          const source = await tx.source.create({
            data: {
              caseId: row.id,
              title: s.title,
              publisher: s.publisher,
              reference: s.reference,
              url: s.url ?? null,
              publishedOn: s.publishedOn ?? null,
              createdAt: tick(),
            },
          });
          sourceIds.set(s.key, source.id);
        }
        const sourceId = (key: string | undefined) => {
          if (key === undefined) return null;
          const id = sourceIds.get(key);
          if (!id) throw new Error(`Case ${c.slug}: unknown source key ${key}`);
          return id;
        };
        for (const [position, p] of c.people.entries()) {
          const current = p.statusHistory.at(-1);
          if (!current) throw new Error(`Case ${c.slug}: ${p.name} has no status`);
          await tx.person.create({
            data: {
              caseId: row.id,
              name: p.name,
              description: p.description,
              heldAt: p.heldAt ?? null,
              position,
              status: current.status,
              statusSince: current.occurredOn,
              statusChanges: {
                create: p.statusHistory.map((s) => ({
                  status: s.status,
                  occurredOn: s.occurredOn,
                  note: s.note,
                  sourceId: sourceId(s.source),
                  createdAt: tick(),
                })),
              },
              charges: {
                create: p.charges.map((ch) => ({
                  law: ch.law,
                  article: ch.article,
                  description: ch.description,
                  sourceId: sourceId(ch.source),
                })),
              },
            },
          });
        }
        for (const e of c.events) {
          await tx.caseEvent.create({
            data: { caseId: row.id, occurredOn: e.occurredOn, description: e.description, sourceId: sourceId(e.source), createdAt: tick() },
          });
        }
        for (const [position, d] of c.demands.entries()) {
          await tx.demand.create({ data: { caseId: row.id, text: d.text, position, sourceId: sourceId(d.source) } });
        }
      }

      await seedTargets(tx, org.id, demoTargets);

      for (const c of demoCampaigns) {
        const caseRow = await tx.case.findUnique({ where: { slug: c.caseSlug }, select: { id: true } });
        if (!caseRow) continue; // a test may seed other cases
        const campaign = await tx.campaign.create({
          data: {
            organisationId: org.id,
            caseId: caseRow.id,
            slug: c.slug,
            title: c.title,
            summary: c.summary,
            callToAction: c.callToAction,
            status: c.status,
            startsOn: c.startsOn,
            targetKinds: encodeList(c.targetKinds),
            targetCountries: encodeList(c.targetCountries),
            targetTags: encodeList(c.targetTags),
            petitionText: c.petitionText,
            signatureGoal: c.signatureGoal,
            templates: { create: c.templates },
          },
          select: { id: true },
        });
        for (const [language, fields] of Object.entries(c.translations)) {
          for (const [field, text] of Object.entries(fields ?? {})) {
            await tx.contentTranslation.create({
              data: { caseId: caseRow.id, entityType: "campaign", entityId: campaign.id, field, language, text },
            });
          }
        }
      }
    },
    { timeout: 60_000 },
  );
}

// A campaign to sign in operations tests, and signing through the campaign page as a supporter does.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "~/db.server";
import { knownMigrations } from "~/operations/backup.server";
import { readable } from "~/mail/outbox.server";
import * as campaignPage from "~/routes/campaigns.$slug._index";
import { formStamp } from "~/security/crypto.server";
import { createCampaign, createCase, createOrganisation, request, settle } from "../support/factories";

export async function petition() {
  const { organisation } = await createOrganisation();
  const c = await createCase({ organisationId: organisation.id });
  const campaign = await createCampaign(organisation.id, c.id, {
    templates: [{ language: "en", subject: "s", body: "Dear {{ target.name }}, please act." }],
  });
  return prisma.campaign.update({ where: { id: campaign.id }, data: { petitionText: "Free them.", signatureGoal: 100 } });
}

export async function sign(slug: string, fields: { name: string; email: string; city?: string }) {
  const form = { intent: "sign", formStartedAt: formStamp(Date.now() - 10_000), website: "", country: "BE", ...fields };
  const response = (await settle(
    campaignPage.action({
      request: request(`/campaigns/${slug}`, { form }),
      params: { slug },
      context: { cspNonce: "n", clientAddress: "198.51.100.9" },
    }),
  )) as Response;
  if (response.status !== 302) throw new Error(`Signing answered ${response.status}`);
}

/** The signer's confirmation token, read from the link in the (decrypted) email sent to them. */
export async function confirmationToken(email: string): Promise<string> {
  const rows = await prisma.outboxEmail.findMany({ where: { kind: "confirm-signature" }, orderBy: { createdAt: "desc" } });
  const row = rows.map(readable).find((r) => r.toAddress === email);
  const token = row?.text.match(/\/s\/([A-Za-z0-9_-]+)\/confirm/)?.[1];
  if (!token) throw new Error(`No confirmation link to ${email}`);
  return token;
}

/** The test database is migrated from the SQL files directly: add the ledger `prisma migrate deploy` keeps. */
export async function addMigrationLedger() {
  await prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  );
  for (const name of knownMigrations()) {
    const checksum = crypto
      .createHash("sha256")
      .update(fs.readFileSync(path.resolve("prisma/migrations", name, "migration.sql")))
      .digest("hex");
    await prisma.$executeRawUnsafe(
      `INSERT OR IGNORE INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, current_timestamp, ?, 1)`,
      name,
      checksum,
      name,
    );
  }
}

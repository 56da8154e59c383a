-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "emailHash" TEXT,
    "nameEnc" TEXT,
    "emailEnc" TEXT,
    "cityEnc" TEXT,
    "organisationEnc" TEXT,
    "commentEnc" TEXT,
    "country" TEXT NOT NULL,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "wantsUpdates" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tokenHash" TEXT NOT NULL,
    "confirmationSentAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "erasedAt" DATETIME,
    "addressHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Signature_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuppressedSupporter" (
    "emailHash" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "replyTo" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" TEXT,
    "tags" TEXT,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "batchKey" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "providerId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "deliveredAt" DATETIME,
    "failedAt" DATETIME
);
INSERT INTO "new_OutboxEmail" ("attempts", "batchKey", "createdAt", "dedupeKey", "deliveredAt", "failedAt", "fromAddress", "headers", "html", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "organisationId", "providerId", "replyTo", "sentAt", "status", "subject", "subjectId", "subjectType", "tags", "text", "toAddress") SELECT "attempts", "batchKey", "createdAt", "dedupeKey", "deliveredAt", "failedAt", "fromAddress", "headers", "html", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "organisationId", "providerId", "replyTo", "sentAt", "status", "subject", "subjectId", "subjectType", "tags", "text", "toAddress" FROM "OutboxEmail";
DROP TABLE "OutboxEmail";
ALTER TABLE "new_OutboxEmail" RENAME TO "OutboxEmail";
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");
CREATE UNIQUE INDEX "OutboxEmail_providerId_key" ON "OutboxEmail"("providerId");
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");
CREATE INDEX "OutboxEmail_batchKey_idx" ON "OutboxEmail"("batchKey");
CREATE INDEX "OutboxEmail_organisationId_status_idx" ON "OutboxEmail"("organisationId", "status");
CREATE INDEX "OutboxEmail_subjectType_subjectId_idx" ON "OutboxEmail"("subjectType", "subjectId");
CREATE INDEX "OutboxEmail_toAddress_idx" ON "OutboxEmail"("toAddress");
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "callToAction" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "startsOn" TEXT,
    "endsOn" TEXT,
    "targetKinds" TEXT NOT NULL DEFAULT '',
    "targetCountries" TEXT NOT NULL DEFAULT '',
    "targetTags" TEXT NOT NULL DEFAULT '',
    "petitionText" TEXT,
    "signatureGoal" INTEGER,
    "signatureCount" INTEGER NOT NULL DEFAULT 0,
    "supporterLettersSent" INTEGER NOT NULL DEFAULT 0,
    "supporterLettersMailto" INTEGER NOT NULL DEFAULT 0,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Campaign_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Campaign" ("callToAction", "caseId", "createdAt", "endsOn", "id", "organisationId", "slug", "startsOn", "status", "summary", "targetCountries", "targetKinds", "targetTags", "title", "updatedAt") SELECT "callToAction", "caseId", "createdAt", "endsOn", "id", "organisationId", "slug", "startsOn", "status", "summary", "targetCountries", "targetKinds", "targetTags", "title", "updatedAt" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");
CREATE INDEX "Campaign_organisationId_status_idx" ON "Campaign"("organisationId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Signature_tokenHash_key" ON "Signature"("tokenHash");

-- CreateIndex
CREATE INDEX "Signature_campaignId_status_confirmedAt_idx" ON "Signature"("campaignId", "status", "confirmedAt");

-- CreateIndex
CREATE INDEX "Signature_status_createdAt_idx" ON "Signature"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Signature_emailHash_idx" ON "Signature"("emailHash");

-- CreateIndex
CREATE INDEX "Signature_createdAt_idx" ON "Signature"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_campaignId_emailHash_key" ON "Signature"("campaignId", "emailHash");

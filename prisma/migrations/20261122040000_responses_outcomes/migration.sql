-- CreateTable
CREATE TABLE "CampaignDay" (
    "campaignId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("campaignId", "day"),
    CONSTRAINT "CampaignDay_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "letterId" TEXT,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'unclassified',
    "receivedAt" DATETIME NOT NULL,
    "fromName" TEXT,
    "summary" TEXT,
    "body" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileData" BLOB,
    "inboundEmailId" TEXT,
    "inboundTo" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Response_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "statusChangeId" TEXT,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" DATETIME,
    "emailedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    CONSTRAINT "CaseUpdate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Letter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "templateId" TEXT,
    "targetId" TEXT NOT NULL,
    "sectionId" TEXT,
    "senderKey" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientEmail" TEXT,
    "recipientAddress" TEXT,
    "senderName" TEXT NOT NULL,
    "signatories" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "replyToken" TEXT NOT NULL,
    "editedAt" DATETIME,
    "approvedAt" DATETIME,
    "sentAt" DATETIME,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "outboxEmailId" TEXT,
    "followUpCount" INTEGER NOT NULL DEFAULT 0,
    "lastFollowUpAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Letter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Letter_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "LetterTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Letter_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Letter_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Letter" ("approvedAt", "body", "campaignId", "createdAt", "editedAt", "id", "language", "organisationId", "outboxEmailId", "recipientAddress", "recipientEmail", "recipientName", "replyToken", "sectionId", "sendCount", "senderKey", "senderName", "sentAt", "signatories", "status", "subject", "targetId", "templateId", "updatedAt") SELECT "approvedAt", "body", "campaignId", "createdAt", "editedAt", "id", "language", "organisationId", "outboxEmailId", "recipientAddress", "recipientEmail", "recipientName", "replyToken", "sectionId", "sendCount", "senderKey", "senderName", "sentAt", "signatories", "status", "subject", "targetId", "templateId", "updatedAt" FROM "Letter";
DROP TABLE "Letter";
ALTER TABLE "new_Letter" RENAME TO "Letter";
CREATE UNIQUE INDEX "Letter_replyToken_key" ON "Letter"("replyToken");
CREATE INDEX "Letter_organisationId_campaignId_sectionId_idx" ON "Letter"("organisationId", "campaignId", "sectionId");
CREATE INDEX "Letter_outboxEmailId_idx" ON "Letter"("outboxEmailId");
CREATE UNIQUE INDEX "Letter_campaignId_targetId_senderKey_key" ON "Letter"("campaignId", "targetId", "senderKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Response_inboundEmailId_key" ON "Response"("inboundEmailId");

-- CreateIndex
CREATE INDEX "Response_organisationId_createdAt_idx" ON "Response"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Response_letterId_idx" ON "Response"("letterId");

-- CreateIndex
CREATE INDEX "CaseUpdate_caseId_publishedAt_idx" ON "CaseUpdate"("caseId", "publishedAt");

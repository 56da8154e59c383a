-- AlterTable
ALTER TABLE "Section" ADD COLUMN "signatories" TEXT;

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "body" TEXT,
    "country" TEXT,
    "jurisdictions" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "postalAddress" TEXT,
    "phone" TEXT,
    "fax" TEXT,
    "website" TEXT,
    "languages" TEXT NOT NULL DEFAULT '|en|',
    "salutation" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "notes" TEXT,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Target_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TargetImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedAt" DATETIME,
    CONSTRAINT "TargetImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Campaign_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,

    PRIMARY KEY ("campaignId", "targetId"),
    CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignTarget_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "targetKind" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LetterTemplate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Letter" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Letter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Letter_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "LetterTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Letter_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Letter_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Target_organisationId_kind_idx" ON "Target"("organisationId", "kind");

-- CreateIndex
CREATE INDEX "Target_organisationId_country_idx" ON "Target"("organisationId", "country");

-- CreateIndex
CREATE UNIQUE INDEX "Target_organisationId_externalId_key" ON "Target"("organisationId", "externalId");

-- CreateIndex
CREATE INDEX "TargetImport_organisationId_idx" ON "TargetImport"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_organisationId_status_idx" ON "Campaign"("organisationId", "status");

-- CreateIndex
CREATE INDEX "CampaignTarget_targetId_idx" ON "CampaignTarget"("targetId");

-- CreateIndex
CREATE INDEX "LetterTemplate_campaignId_idx" ON "LetterTemplate"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_replyToken_key" ON "Letter"("replyToken");

-- CreateIndex
CREATE INDEX "Letter_organisationId_campaignId_sectionId_idx" ON "Letter"("organisationId", "campaignId", "sectionId");

-- CreateIndex
CREATE INDEX "Letter_outboxEmailId_idx" ON "Letter"("outboxEmailId");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_campaignId_targetId_senderKey_key" ON "Letter"("campaignId", "targetId", "senderKey");

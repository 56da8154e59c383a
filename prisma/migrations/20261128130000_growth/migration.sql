-- AlterTable
ALTER TABLE "Signature" ADD COLUMN "reminderSentAt" DATETIME;
ALTER TABLE "Signature" ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "CaseUpdate" ADD COLUMN "followerCursor" TEXT;
ALTER TABLE "CaseUpdate" ADD COLUMN "signersDoneAt" DATETIME;

-- CreateTable
CREATE TABLE "CampaignChannelDay" (
    "campaignId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("campaignId", "day", "channel"),
    CONSTRAINT "CampaignChannelDay_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseFollower" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "emailHash" TEXT,
    "emailEnc" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tokenHash" TEXT NOT NULL,
    "confirmationSentAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "addressHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseFollower_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseFollower_tokenHash_key" ON "CaseFollower"("tokenHash");

-- CreateIndex
CREATE INDEX "CaseFollower_status_createdAt_idx" ON "CaseFollower"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CaseFollower_emailHash_idx" ON "CaseFollower"("emailHash");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFollower_caseId_emailHash_key" ON "CaseFollower"("caseId", "emailHash");

-- CreateTable
CREATE TABLE "SupporterLetter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "emailHash" TEXT,
    "nameEnc" TEXT,
    "emailEnc" TEXT,
    "cityEnc" TEXT,
    "subjectEnc" TEXT,
    "bodyEnc" TEXT,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "SupporterLetter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupporterLetter_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SupporterLetter_tokenHash_key" ON "SupporterLetter"("tokenHash");

-- CreateIndex
CREATE INDEX "SupporterLetter_campaignId_idx" ON "SupporterLetter"("campaignId");

-- CreateIndex
CREATE INDEX "SupporterLetter_createdAt_idx" ON "SupporterLetter"("createdAt");

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "replyDomain" TEXT;

-- CreateTable
CREATE TABLE "UsedFormStamp" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "UsedFormStamp_expiresAt_idx" ON "UsedFormStamp"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_replyDomain_key" ON "Organisation"("replyDomain");

-- AlterTable
ALTER TABLE "CaseUpdate" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "CaseUpdate" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "CaseUpdate" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CaseUpdate_idempotencyKey_key" ON "CaseUpdate"("idempotencyKey");

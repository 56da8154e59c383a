-- DropIndex
DROP INDEX "SupporterLetter_tokenHash_key";

-- CreateIndex
CREATE INDEX "SupporterLetter_tokenHash_idx" ON "SupporterLetter"("tokenHash");

-- CreateIndex
CREATE INDEX "SupporterLetter_emailHash_idx" ON "SupporterLetter"("emailHash");

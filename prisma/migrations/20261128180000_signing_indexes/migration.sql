-- DropIndex
DROP INDEX "OutboxEmail_toAddress_idx";

-- DropIndex
DROP INDEX "Signature_emailHash_idx";

-- DropIndex
DROP INDEX "Signature_campaignId_emailHash_key";

-- CreateIndex
CREATE UNIQUE INDEX "Signature_emailHash_campaignId_key" ON "Signature"("emailHash", "campaignId");

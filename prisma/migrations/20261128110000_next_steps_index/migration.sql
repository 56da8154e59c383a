-- CreateIndex
CREATE INDEX "Letter_next_steps_idx" ON "Letter"("organisationId", "status", "campaignId", "sectionId", "sentAt", "lastFollowUpAt", "id");

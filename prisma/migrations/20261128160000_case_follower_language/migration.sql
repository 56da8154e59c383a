-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseFollower" (
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
    "language" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseFollower_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseFollower" ("addressHash", "caseId", "confirmationSentAt", "confirmedAt", "createdAt", "emailEnc", "emailHash", "id", "status", "tokenHash", "unsubscribedAt") SELECT "addressHash", "caseId", "confirmationSentAt", "confirmedAt", "createdAt", "emailEnc", "emailHash", "id", "status", "tokenHash", "unsubscribedAt" FROM "CaseFollower";
DROP TABLE "CaseFollower";
ALTER TABLE "new_CaseFollower" RENAME TO "CaseFollower";
CREATE UNIQUE INDEX "CaseFollower_tokenHash_key" ON "CaseFollower"("tokenHash");
CREATE INDEX "CaseFollower_status_createdAt_idx" ON "CaseFollower"("status", "createdAt");
CREATE INDEX "CaseFollower_emailHash_idx" ON "CaseFollower"("emailHash");
CREATE UNIQUE INDEX "CaseFollower_caseId_emailHash_key" ON "CaseFollower"("caseId", "emailHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

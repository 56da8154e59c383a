-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "statusChangeId" TEXT,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailSigners" BOOLEAN NOT NULL DEFAULT false,
    "linkBase" TEXT,
    "fanOutCursor" TEXT,
    "emailedAt" DATETIME,
    "emailedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    CONSTRAINT "CaseUpdate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseUpdate" ("body", "caseId", "createdById", "emailedAt", "emailedCount", "id", "publishedAt", "statusChangeId", "title") SELECT "body", "caseId", "createdById", "emailedAt", "emailedCount", "id", "publishedAt", "statusChangeId", "title" FROM "CaseUpdate";
DROP TABLE "CaseUpdate";
ALTER TABLE "new_CaseUpdate" RENAME TO "CaseUpdate";
CREATE INDEX "CaseUpdate_caseId_publishedAt_idx" ON "CaseUpdate"("caseId", "publishedAt");
CREATE INDEX "CaseUpdate_emailSigners_emailedAt_idx" ON "CaseUpdate"("emailSigners", "emailedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

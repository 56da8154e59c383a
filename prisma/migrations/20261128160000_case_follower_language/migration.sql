-- The language of the page a follower followed on: their emails go in it. A plain ADD COLUMN (no table copy).
ALTER TABLE "CaseFollower" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

-- The language a supporter signed in: their emails go in it. A plain ADD COLUMN (no table copy):
-- this table holds every signature.
ALTER TABLE "Signature" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

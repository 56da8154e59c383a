-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "embedOrigins" TEXT NOT NULL DEFAULT '';

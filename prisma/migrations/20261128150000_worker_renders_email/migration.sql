-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "renderFrom" TEXT;

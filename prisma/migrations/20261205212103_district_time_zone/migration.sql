-- AlterTable
ALTER TABLE "District" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/Los_Angeles';

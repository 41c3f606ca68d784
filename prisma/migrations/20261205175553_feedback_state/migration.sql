-- CreateEnum
CREATE TYPE "FeedbackState" AS ENUM ('requested', 'replied', 'accepted', 'reopened');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "feedbackState" "FeedbackState";

-- Existing feedback: a resolved request counts as accepted, an open one as requested.
UPDATE "Comment" SET "feedbackState" = CASE WHEN "resolvedAt" IS NULL THEN 'requested'::"FeedbackState" ELSE 'accepted'::"FeedbackState" END
WHERE "requiresResponse" AND "parentId" IS NULL;

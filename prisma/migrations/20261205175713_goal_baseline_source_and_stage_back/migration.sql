-- AlterTable
ALTER TABLE "CycleSnapshot" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "EquityGoal" ADD COLUMN     "baselineSource" JSONB;

-- AlterTable
ALTER TABLE "PdsaCycle" ADD COLUMN     "predictionsLockedAt" TIMESTAMP(3);

-- Cycles past Plan locked their predictions when they entered Do: the Plan → Do snapshot, else the
-- actual start, else the last stage change.
UPDATE "PdsaCycle" c SET "predictionsLockedAt" = COALESCE(
  (SELECT MIN(s."takenAt") FROM "CycleSnapshot" s
    WHERE s."cycleId" = c."id" AND s."fromStage" = 'plan' AND s."toStage" = 'do'),
  c."actualStart"::timestamp,
  c."stageChangedAt")
WHERE c."stage" <> 'plan';

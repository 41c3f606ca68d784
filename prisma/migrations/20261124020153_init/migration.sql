-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('elementary', 'middle', 'high', 'other');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'district_leader', 'coach', 'team_lead', 'team_member', 'viewer');

-- CreateEnum
CREATE TYPE "StudentGroupCategory" AS ENUM ('all', 'race_ethnicity', 'program', 'gender', 'intersection', 'other');

-- CreateEnum
CREATE TYPE "MeasureFamily" AS ENUM ('outcome', 'process', 'driver', 'balancing');

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('percent', 'rate', 'count', 'score', 'days');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('daily', 'weekly', 'monthly', 'term', 'annual');

-- CreateEnum
CREATE TYPE "ChartType" AS ENUM ('run', 'i', 'p', 'pp', 'u', 'up', 'c', 'g', 't');

-- CreateEnum
CREATE TYPE "ObservationSource" AS ENUM ('manual', 'csv', 'api', 'seed');

-- CreateEnum
CREATE TYPE "ReferenceKind" AS ENUM ('all_students', 'all_other_students', 'named_group', 'fixed_target');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('draft', 'active', 'met', 'archived');

-- CreateEnum
CREATE TYPE "DriverKind" AS ENUM ('primary', 'secondary');

-- CreateEnum
CREATE TYPE "ChangeIdeaStatus" AS ENUM ('idea', 'testing', 'adopted', 'adapted', 'abandoned');

-- CreateEnum
CREATE TYPE "CycleStage" AS ENUM ('plan', 'do', 'study', 'act', 'complete');

-- CreateEnum
CREATE TYPE "CyclePurpose" AS ENUM ('collect_information', 'develop_a_change', 'test_a_change', 'implement_a_change');

-- CreateEnum
CREATE TYPE "Confirmation" AS ENUM ('yes', 'partly', 'no');

-- CreateEnum
CREATE TYPE "ActDecision" AS ENUM ('adopt', 'adapt', 'abandon');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('increase', 'decrease');

-- CreateTable
CREATE TABLE "District" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "suppressionThreshold" INTEGER NOT NULL DEFAULT 10,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "SchoolLevel" NOT NULL,
    "gradeSpan" TEXT NOT NULL DEFAULT '',
    "enrollment" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "deactivatedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Password" (
    "userId" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Password_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "csrfSecret" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "schoolId" UUID,
    "teamId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudentGroup" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "StudentGroupCategory" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudentGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "schoolId" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "family" "MeasureFamily" NOT NULL,
    "unit" "MeasureUnit" NOT NULL,
    "numeratorDefinition" TEXT NOT NULL DEFAULT '',
    "denominatorDefinition" TEXT NOT NULL DEFAULT '',
    "higherIsBetter" BOOLEAN NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "chartType" "ChartType" NOT NULL,
    "multiplier" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "isAdverseEvent" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentGroupId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "source" "ObservationSource" NOT NULL,
    "importBatchId" UUID,
    "enteredById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "insertedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictGoal" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" UUID,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistrictGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquityGoal" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "teamId" UUID,
    "title" TEXT NOT NULL,
    "aimStatement" TEXT NOT NULL DEFAULT '',
    "measureId" UUID NOT NULL,
    "focalGroupId" UUID NOT NULL,
    "referenceKind" "ReferenceKind" NOT NULL,
    "referenceGroupId" UUID,
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "baselineDate" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "targetDate" DATE NOT NULL,
    "baselineGap" DOUBLE PRECISION,
    "targetGap" DOUBLE PRECISION,
    "status" "GoalStatus" NOT NULL DEFAULT 'active',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EquityGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquityGoalAlignment" (
    "equityGoalId" UUID NOT NULL,
    "districtGoalId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EquityGoalAlignment_pkey" PRIMARY KEY ("equityGoalId","districtGoalId")
);

-- CreateTable
CREATE TABLE "DriverNode" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "parentId" UUID,
    "kind" "DriverKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DriverNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdea" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "teamId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "ChangeIdeaStatus" NOT NULL DEFAULT 'idea',
    "mtssTier" INTEGER,
    "evidenceLinks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeIdea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdeaDriver" (
    "changeIdeaId" UUID NOT NULL,
    "driverId" UUID NOT NULL,

    CONSTRAINT "ChangeIdeaDriver_pkey" PRIMARY KEY ("changeIdeaId","driverId")
);

-- CreateTable
CREATE TABLE "PdsaCycle" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "goalId" UUID,
    "changeIdeaId" UUID,
    "previousCycleId" UUID,
    "cycleNumber" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "ownerId" UUID,
    "testers" TEXT NOT NULL DEFAULT '',
    "purpose" "CyclePurpose" NOT NULL DEFAULT 'test_a_change',
    "scale" TEXT NOT NULL DEFAULT '',
    "stage" "CycleStage" NOT NULL DEFAULT 'plan',
    "plannedStart" DATE NOT NULL,
    "plannedEnd" DATE NOT NULL,
    "actualStart" DATE,
    "actualEnd" DATE,
    "lagDays" INTEGER NOT NULL DEFAULT 0,
    "objectiveText" TEXT NOT NULL DEFAULT '',
    "hypothesisText" TEXT NOT NULL DEFAULT '',
    "questionsText" TEXT NOT NULL DEFAULT '',
    "predictionsText" TEXT NOT NULL DEFAULT '',
    "planText" TEXT NOT NULL DEFAULT '',
    "dataCollectionText" TEXT NOT NULL DEFAULT '',
    "doText" TEXT NOT NULL DEFAULT '',
    "studyText" TEXT NOT NULL DEFAULT '',
    "actText" TEXT NOT NULL DEFAULT '',
    "carriedOutAsPlanned" BOOLEAN,
    "predictionsConfirmed" "Confirmation",
    "decision" "ActDecision",
    "spreadPlan" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastEditedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PdsaCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleQuestion" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "prediction" TEXT NOT NULL DEFAULT '',
    "measureId" UUID,
    "predictedValue" DOUBLE PRECISION,
    "predictedMin" DOUBLE PRECISION,
    "predictedMax" DOUBLE PRECISION,
    "result" TEXT NOT NULL DEFAULT '',
    "resultValue" DOUBLE PRECISION,
    "learning" TEXT NOT NULL DEFAULT '',
    "confirmed" "Confirmation",

    CONSTRAINT "CycleQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleTask" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "who" TEXT NOT NULL DEFAULT '',
    "dueDate" DATE,
    "location" TEXT NOT NULL DEFAULT '',
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CycleTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleMeasure" (
    "cycleId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "studentGroupId" UUID,
    "expectedDirection" "Direction" NOT NULL,
    "operationalDefinition" TEXT NOT NULL DEFAULT '',
    "collectedBy" TEXT NOT NULL DEFAULT '',
    "collectionSchedule" TEXT NOT NULL DEFAULT '',
    "analysedBy" TEXT NOT NULL DEFAULT '',
    "qualitativeData" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CycleMeasure_pkey" PRIMARY KEY ("cycleId","measureId")
);

-- CreateTable
CREATE TABLE "CycleDriver" (
    "cycleId" UUID NOT NULL,
    "driverId" UUID NOT NULL,

    CONSTRAINT "CycleDriver_pkey" PRIMARY KEY ("cycleId","driverId")
);

-- CreateTable
CREATE TABLE "CycleSnapshot" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "fromStage" "CycleStage" NOT NULL,
    "toStage" "CycleStage" NOT NULL,
    "content" JSONB NOT NULL,
    "yState" BYTEA,
    "takenById" UUID,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CycleSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YUpdate" (
    "id" BIGSERIAL NOT NULL,
    "cycleId" UUID NOT NULL,
    "data" BYTEA NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "userId" UUID,
    "instanceId" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "YUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YSnapshot" (
    "cycleId" UUID NOT NULL,
    "state" BYTEA NOT NULL,
    "stateVector" BYTEA NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "lastUpdateId" BIGINT NOT NULL DEFAULT 0,
    "compactedRows" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YSnapshot_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "cycleId" UUID,
    "goalId" UUID,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "requiresResponse" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "districtId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "District_slug_key" ON "District"("slug");

-- CreateIndex
CREATE INDEX "School_districtId_name_idx" ON "School"("districtId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "School_districtId_code_key" ON "School"("districtId", "code");

-- CreateIndex
CREATE INDEX "Team_districtId_schoolId_idx" ON "Team"("districtId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_districtId_name_idx" ON "User"("districtId", "name");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Membership_districtId_role_idx" ON "Membership"("districtId", "role");

-- CreateIndex
CREATE INDEX "Membership_teamId_idx" ON "Membership"("teamId");

-- CreateIndex
CREATE INDEX "Membership_schoolId_idx" ON "Membership"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_schoolId_teamId_key" ON "Membership"("userId", "role", "schoolId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentGroup_districtId_code_key" ON "StudentGroup"("districtId", "code");

-- CreateIndex
CREATE INDEX "Measure_districtId_schoolId_idx" ON "Measure"("districtId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_districtId_code_key" ON "Measure"("districtId", "code");

-- CreateIndex
CREATE INDEX "Observation_districtId_measureId_period_idx" ON "Observation"("districtId", "measureId", "period");

-- CreateIndex
CREATE INDEX "Observation_schoolId_measureId_studentGroupId_period_idx" ON "Observation"("schoolId", "measureId", "studentGroupId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_measureId_schoolId_studentGroupId_period_key" ON "Observation"("measureId", "schoolId", "studentGroupId", "period");

-- CreateIndex
CREATE INDEX "ImportBatch_districtId_createdAt_idx" ON "ImportBatch"("districtId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictGoal_districtId_code_key" ON "DistrictGoal"("districtId", "code");

-- CreateIndex
CREATE INDEX "EquityGoal_districtId_schoolId_idx" ON "EquityGoal"("districtId", "schoolId");

-- CreateIndex
CREATE INDEX "EquityGoal_teamId_idx" ON "EquityGoal"("teamId");

-- CreateIndex
CREATE INDEX "EquityGoalAlignment_districtGoalId_idx" ON "EquityGoalAlignment"("districtGoalId");

-- CreateIndex
CREATE INDEX "DriverNode_goalId_position_idx" ON "DriverNode"("goalId", "position");

-- CreateIndex
CREATE INDEX "ChangeIdea_goalId_idx" ON "ChangeIdea"("goalId");

-- CreateIndex
CREATE INDEX "ChangeIdea_districtId_status_idx" ON "ChangeIdea"("districtId", "status");

-- CreateIndex
CREATE INDEX "ChangeIdeaDriver_driverId_idx" ON "ChangeIdeaDriver"("driverId");

-- CreateIndex
CREATE INDEX "PdsaCycle_districtId_teamId_stage_idx" ON "PdsaCycle"("districtId", "teamId", "stage");

-- CreateIndex
CREATE INDEX "PdsaCycle_districtId_schoolId_idx" ON "PdsaCycle"("districtId", "schoolId");

-- CreateIndex
CREATE INDEX "PdsaCycle_changeIdeaId_idx" ON "PdsaCycle"("changeIdeaId");

-- CreateIndex
CREATE INDEX "PdsaCycle_goalId_idx" ON "PdsaCycle"("goalId");

-- CreateIndex
CREATE INDEX "PdsaCycle_previousCycleId_idx" ON "PdsaCycle"("previousCycleId");

-- CreateIndex
CREATE INDEX "CycleQuestion_cycleId_position_idx" ON "CycleQuestion"("cycleId", "position");

-- CreateIndex
CREATE INDEX "CycleTask_cycleId_position_idx" ON "CycleTask"("cycleId", "position");

-- CreateIndex
CREATE INDEX "CycleMeasure_measureId_idx" ON "CycleMeasure"("measureId");

-- CreateIndex
CREATE INDEX "CycleDriver_driverId_idx" ON "CycleDriver"("driverId");

-- CreateIndex
CREATE INDEX "CycleSnapshot_cycleId_takenAt_idx" ON "CycleSnapshot"("cycleId", "takenAt");

-- CreateIndex
CREATE INDEX "YUpdate_cycleId_id_idx" ON "YUpdate"("cycleId", "id");

-- CreateIndex
CREATE INDEX "Comment_cycleId_createdAt_idx" ON "Comment"("cycleId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_goalId_createdAt_idx" ON "Comment"("goalId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_districtId_requiresResponse_resolvedAt_idx" ON "Comment"("districtId", "requiresResponse", "resolvedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_districtId_createdAt_idx" ON "AuditEvent"("districtId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_districtId_entityType_entityId_idx" ON "AuditEvent"("districtId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_districtId_actorId_createdAt_idx" ON "AuditEvent"("districtId", "actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentGroup" ADD CONSTRAINT "StudentGroup_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_studentGroupId_fkey" FOREIGN KEY ("studentGroupId") REFERENCES "StudentGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictGoal" ADD CONSTRAINT "DistrictGoal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictGoal" ADD CONSTRAINT "DistrictGoal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_focalGroupId_fkey" FOREIGN KEY ("focalGroupId") REFERENCES "StudentGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_referenceGroupId_fkey" FOREIGN KEY ("referenceGroupId") REFERENCES "StudentGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoal" ADD CONSTRAINT "EquityGoal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoalAlignment" ADD CONSTRAINT "EquityGoalAlignment_equityGoalId_fkey" FOREIGN KEY ("equityGoalId") REFERENCES "EquityGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquityGoalAlignment" ADD CONSTRAINT "EquityGoalAlignment_districtGoalId_fkey" FOREIGN KEY ("districtGoalId") REFERENCES "DistrictGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "EquityGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "DriverNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "EquityGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDriver" ADD CONSTRAINT "ChangeIdeaDriver_changeIdeaId_fkey" FOREIGN KEY ("changeIdeaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdeaDriver" ADD CONSTRAINT "ChangeIdeaDriver_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "DriverNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "EquityGoal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_changeIdeaId_fkey" FOREIGN KEY ("changeIdeaId") REFERENCES "ChangeIdea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_previousCycleId_fkey" FOREIGN KEY ("previousCycleId") REFERENCES "PdsaCycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleQuestion" ADD CONSTRAINT "CycleQuestion_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleQuestion" ADD CONSTRAINT "CycleQuestion_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleTask" ADD CONSTRAINT "CycleTask_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasure" ADD CONSTRAINT "CycleMeasure_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasure" ADD CONSTRAINT "CycleMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleMeasure" ADD CONSTRAINT "CycleMeasure_studentGroupId_fkey" FOREIGN KEY ("studentGroupId") REFERENCES "StudentGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleDriver" ADD CONSTRAINT "CycleDriver_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleDriver" ADD CONSTRAINT "CycleDriver_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "DriverNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleSnapshot" ADD CONSTRAINT "CycleSnapshot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleSnapshot" ADD CONSTRAINT "CycleSnapshot_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YUpdate" ADD CONSTRAINT "YUpdate_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YSnapshot" ADD CONSTRAINT "YSnapshot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "EquityGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

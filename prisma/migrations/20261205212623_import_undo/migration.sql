-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "changesRecorded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "undoneAt" TIMESTAMP(3),
ADD COLUMN     "undoneById" UUID;

-- CreateTable
CREATE TABLE "ImportChange" (
    "importBatchId" UUID NOT NULL,
    "observationId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentGroupId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "created" BOOLEAN NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "previousValue" DOUBLE PRECISION,
    "previousNumerator" DOUBLE PRECISION,
    "previousDenominator" DOUBLE PRECISION,
    "previousSource" "ObservationSource",
    "previousImportBatchId" UUID,
    "previousEnteredById" UUID,
    "previousUpdatedAt" TIMESTAMP(3),

    CONSTRAINT "ImportChange_pkey" PRIMARY KEY ("importBatchId","observationId")
);

-- CreateIndex
CREATE INDEX "ImportChange_observationId_idx" ON "ImportChange"("observationId");

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChange" ADD CONSTRAINT "ImportChange_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

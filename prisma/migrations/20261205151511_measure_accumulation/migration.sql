-- CreateEnum
CREATE TYPE "MeasureAccumulation" AS ENUM ('period', 'to_date');

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "schoolYearStart" TEXT NOT NULL DEFAULT '07-01';

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "accumulation" "MeasureAccumulation" NOT NULL DEFAULT 'period';

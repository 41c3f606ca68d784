-- CreateTable
CREATE TABLE "SchoolSignalSeen" (
    "districtId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolSignalSeen_pkey" PRIMARY KEY ("districtId","key")
);

-- AddForeignKey
ALTER TABLE "SchoolSignalSeen" ADD CONSTRAINT "SchoolSignalSeen_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

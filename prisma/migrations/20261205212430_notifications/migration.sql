-- CreateEnum
CREATE TYPE "NotificationCategory" AS ENUM ('feedback_requested', 'feedback_replied', 'feedback_resolved', 'mention', 'cycle_stage', 'cycle_overdue', 'data_due', 'import_finished', 'school_signal');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('in_app', 'email_immediately', 'daily_digest', 'weekly_digest');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "actorId" UUID,
    "category" "NotificationCategory" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "delivery" "NotificationDelivery" NOT NULL DEFAULT 'in_app',
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "category" "NotificationCategory" NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","category")
);

-- CreateTable
CREATE TABLE "SchoolFollow" (
    "districtId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolFollow_pkey" PRIMARY KEY ("userId","schoolId")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_districtId_createdAt_idx" ON "Notification"("districtId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_delivery_emailedAt_idx" ON "Notification"("delivery", "emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_dedupeKey_key" ON "Notification"("recipientId", "dedupeKey");

-- CreateIndex
CREATE INDEX "SchoolFollow_schoolId_idx" ON "SchoolFollow"("schoolId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolFollow" ADD CONSTRAINT "SchoolFollow_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolFollow" ADD CONSTRAINT "SchoolFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolFollow" ADD CONSTRAINT "SchoolFollow_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

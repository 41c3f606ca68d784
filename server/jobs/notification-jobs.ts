// The recurring notification jobs (ADR 030), on the job queue every instance shares (pg-boss: a cron
// slot runs on one instance): the time-based reminders (overdue, data due), the school signals, and
// notifications by email — every minute, and at once after new notifications (`wake`).
import type { Db } from '../db/client.ts'
import { queueNotificationEmails } from '../services/notifications/notification-emails.ts'
import type { OnNotified } from '../services/notifications/notify.ts'
import { scanDueNotifications } from '../services/notifications/scan-due-notifications.ts'
import { scanSchoolSignals } from '../services/notifications/scan-school-signals.ts'
import type { JobQueue } from './job-queue.ts'

export const NOTIFICATION_JOBS = {
  email: { name: 'notifications.email', cron: '* * * * *' },
  dueScan: { name: 'notifications.scan-due', cron: '7 * * * *' },
  signalScan: { name: 'notifications.scan-school-signals', cron: '37 * * * *' },
} as const

export interface NotificationJobs {
  /** Queues an email round soon (after new notifications); repeated calls while one waits add nothing. */
  wake(): void
}

export async function registerNotificationJobs({
  jobs,
  db,
  publicUrl,
  unsubscribeSecret,
  onNotified,
  onEmailQueued,
  onError,
}: {
  jobs: JobQueue
  db: Db
  publicUrl: string
  unsubscribeSecret: string
  /** Live updates for the people a scan notified (the bell). */
  onNotified: OnNotified
  /** Emails were queued: the email sender starts a round. */
  onEmailQueued: () => void
  onError: (error: unknown, message: string) => void
}): Promise<NotificationJobs> {
  const { email, dueScan, signalScan } = NOTIFICATION_JOBS
  const sendEmails = async () => {
    const run = await queueNotificationEmails({ db, publicUrl, unsubscribeSecret, now: new Date() })
    if (run.immediate + run.digests > 0) onEmailQueued()
  }
  const notifiedThenEmail: OnNotified = (ids) => {
    onNotified(ids)
    wake()
  }
  const wake = () => {
    jobs
      .send(email.name, {}, { singletonKey: email.name })
      .catch((error) => onError(error, 'could not queue the email round'))
  }
  await jobs.registerRecurringJob(email.name, email.cron, sendEmails)
  await jobs.registerRecurringJob(dueScan.name, dueScan.cron, async () => {
    await scanDueNotifications({ db, now: new Date(), onNotified: notifiedThenEmail })
  })
  await jobs.registerRecurringJob(signalScan.name, signalScan.cron, async () => {
    await scanSchoolSignals({ db, now: new Date(), onNotified: notifiedThenEmail })
  })
  return { wake }
}

// Delivers the outbox (ADR 029). Each instance runs one sender; a message is claimed with
// FOR UPDATE SKIP LOCKED and a lease, so two instances never hold the same message, and a claim left by
// a crashed instance is taken over when its lease runs out. Failures retry with a growing back-off.
// Without SMTP (the demo) the outbox is the destination: messages are marked delivered "outbox" and
// admins read them on the Outbox page.
import { createHash } from 'node:crypto'
import { EMAIL_MAX_ATTEMPTS, emailRetryDelayMs } from '@pdsa/domain'
import type { Transporter } from 'nodemailer'
import type { Db } from '../db/client.ts'

export interface EmailSenderOptions {
  db: Db
  /** nodemailer transport (SMTP_URL); null keeps messages in the outbox only. */
  transport: Transporter | null
  /** MAIL_FROM, e.g. "PDSA Tracker <no-reply@district.example>". */
  from: string
  /** How long a claim holds before another instance may take the message over. */
  leaseMs?: number
  /** Messages claimed per round. */
  batchSize?: number
  /** Pause between rounds when the outbox is empty. */
  pollMs?: number
  now?: () => Date
  onError?: (error: unknown, message: string) => void
}

interface ClaimedMessage {
  id: string
  toAddress: string
  subject: string
  html: string
  text: string
  headers: Record<string, string> | string
  idempotencyKey: string
  attempts: number
}

export interface EmailSender {
  /** One round: claim due messages and deliver them. Returns how many were handled. */
  runOnce(): Promise<number>
  /** Runs rounds until stop(); wake() starts the next round at once (after an enqueue). */
  start(): void
  wake(): void
  /** Finishes the round in flight, then stops. */
  stop(): Promise<void>
}

/** The Message-ID is derived from the idempotency key: a receiver can drop a repeat after a crash. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'pdsa-tracker.local'
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`
}

export function createEmailSender(options: EmailSenderOptions): EmailSender {
  const { db, transport } = options
  const leaseMs = options.leaseMs ?? 60_000
  const batchSize = options.batchSize ?? 10
  const pollMs = options.pollMs ?? 2_000
  const now = options.now ?? (() => new Date())

  async function claim(): Promise<ClaimedMessage[]> {
    const at = now()
    const leaseEnd = new Date(at.getTime() + leaseMs)
    return db.$queryRaw<ClaimedMessage[]>`
      UPDATE "EmailMessage" AS m
         SET status = 'sending', "lockedUntil" = ${leaseEnd}, attempts = m.attempts + 1, "updatedAt" = ${at}
       WHERE m.id IN (
         SELECT id FROM "EmailMessage"
          WHERE (status = 'queued' AND "nextAttemptAt" <= ${at})
             OR (status = 'sending' AND "lockedUntil" < ${at})
          ORDER BY "nextAttemptAt", id
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
       RETURNING m.id, m."toAddress", m.subject, m.html, m.text, m.headers, m."idempotencyKey", m.attempts`
  }

  async function deliver(message: ClaimedMessage): Promise<void> {
    try {
      if (transport) {
        await transport.sendMail({
          from: options.from,
          to: message.toAddress,
          subject: message.subject,
          html: message.html,
          text: message.text,
          // jsonb through a raw query: an object on PostgreSQL, possibly text elsewhere.
          headers: typeof message.headers === 'string' ? JSON.parse(message.headers) : message.headers,
          messageId: messageIdFor(message.idempotencyKey, options.from),
        })
      }
      // Only the claim holder marks it: a message whose lease was taken over is not marked twice.
      await db.emailMessage.updateMany({
        where: { id: message.id, status: 'sending', attempts: message.attempts },
        data: {
          status: 'sent',
          sentAt: now(),
          lockedUntil: null,
          lastError: null,
          deliveredVia: transport ? 'smtp' : 'outbox',
        },
      })
    } catch (error) {
      const failed = message.attempts >= EMAIL_MAX_ATTEMPTS
      const text = error instanceof Error ? error.message : String(error)
      await db.emailMessage.updateMany({
        where: { id: message.id, status: 'sending', attempts: message.attempts },
        data: {
          status: failed ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: text.slice(0, 1000),
          nextAttemptAt: new Date(now().getTime() + emailRetryDelayMs(message.attempts)),
        },
      })
      options.onError?.(
        error,
        `email ${message.id} to ${message.toAddress} failed (attempt ${message.attempts})`,
      )
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claim()
    for (const message of claimed) await deliver(message)
    return claimed.length
  }

  let running = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> | undefined
  let wakeRequested = false

  function schedule(delay: number) {
    if (!running) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      round = (async () => {
        wakeRequested = false
        let handled = 0
        try {
          handled = await runOnce()
        } catch (error) {
          options.onError?.(error, 'email sender round failed')
        }
        round = undefined
        schedule(handled > 0 || wakeRequested ? 0 : pollMs)
      })()
    }, delay)
  }

  return {
    runOnce,
    start() {
      if (running) return
      running = true
      schedule(0)
    },
    wake() {
      if (!running) return
      if (round) wakeRequested = true
      else schedule(0)
    },
    async stop() {
      running = false
      clearTimeout(timer)
      await round
    },
  }
}

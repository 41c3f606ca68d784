// The one way the app sends email (ADR 029): enqueueEmail(tx, …) inside the caller's transaction renders
// the message and stores it in the outbox; the email sender (email-sender.ts) delivers it after commit.
// A rolled-back transaction sends nothing; the same idempotency key never makes a second message.
import { render } from '@react-email/render'
import type { DbTx } from '../db/client.ts'
import {
  EMAIL_TEMPLATES,
  type EmailFrame,
  type EmailTemplateName,
  type EmailTemplateProps,
} from './templates/index.ts'

export interface EnqueueEmailInput<T extends EmailTemplateName> {
  districtId: string
  /** One address. */
  to: string
  template: T
  props: EmailTemplateProps<T>
  /** The notification category ("account" for invitations and resets; part B's categories otherwise). */
  category: string
  /** Unique across all messages, e.g. `invitation:<tokenId>` or `digest:<userId>:<date>`. */
  idempotencyKey: string
  /** https URL that unsubscribes from the category in one click: adds List-Unsubscribe headers. */
  unsubscribeUrl?: string
  /** PUBLIC_URL: links in the message are absolute. */
  publicUrl: string
  /** The clock (tests pin it). */
  now?: Date
}

export interface EnqueuedEmail {
  id: string
  /** False when a message with this idempotency key already existed (nothing new was queued). */
  created: boolean
}

/** Renders the HTML and the plain-text part and queues the message; call it inside the caller's transaction. */
export async function enqueueEmail<T extends EmailTemplateName>(
  tx: DbTx,
  input: EnqueueEmailInput<T>,
): Promise<EnqueuedEmail> {
  const existing = await tx.emailMessage.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true },
  })
  if (existing) return { id: existing.id, created: false }
  const district = await tx.district.findUniqueOrThrow({
    where: { id: input.districtId },
    select: { name: true, timeZone: true },
  })
  const frame: EmailFrame = {
    district,
    publicUrl: input.publicUrl.replace(/\/+$/, ''),
    sentAt: input.now ?? new Date(),
    unsubscribeUrl: input.unsubscribeUrl,
  }
  const template = EMAIL_TEMPLATES[input.template] as (typeof EMAIL_TEMPLATES)[EmailTemplateName]
  const props = input.props as never
  const element = template.render(props, frame)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  const headers: Record<string, string> = {}
  if (input.unsubscribeUrl) {
    if (!input.unsubscribeUrl.startsWith('https://') && !input.unsubscribeUrl.startsWith('http://')) {
      throw new Error('unsubscribeUrl must be an absolute URL')
    }
    headers['List-Unsubscribe'] = `<${input.unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  // ON CONFLICT DO NOTHING: two instances enqueueing the same key at once leave one message.
  const rows = await tx.emailMessage.createManyAndReturn({
    data: [
      {
        districtId: input.districtId,
        toAddress: input.to.toLowerCase(),
        subject: template.subject(props, frame),
        html,
        text,
        template: input.template,
        category: input.category,
        headers,
        idempotencyKey: input.idempotencyKey,
        ...(input.now ? { createdAt: input.now } : {}),
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  })
  const row = rows[0]
  if (row) return { id: row.id, created: true }
  const other = await tx.emailMessage.findUniqueOrThrow({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true },
  })
  return { id: other.id, created: false }
}

import type { Actor, ListEmailsInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { assertAdmin } from '../org/admin.ts'

const PAGE = 50

/** The district's emails, newest first, filtered by recipient (part of the address) and template. */
export async function listEmails({
  db,
  actor,
  recipient,
  template,
  cursor,
}: { db: Db; actor: Actor } & ListEmailsInput) {
  assertAdmin(actor, 'read the outbox')
  const rows = await db.emailMessage.findMany({
    where: {
      districtId: actor.districtId,
      ...(recipient ? { toAddress: { contains: recipient.toLowerCase() } } : {}),
      ...(template ? { template } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      toAddress: true,
      subject: true,
      template: true,
      category: true,
      status: true,
      attempts: true,
      lastError: true,
      deliveredVia: true,
      sentAt: true,
      createdAt: true,
    },
  })
  const templates = await db.emailMessage.groupBy({
    by: ['template'],
    where: { districtId: actor.districtId },
    orderBy: { template: 'asc' },
  })
  return {
    emails: rows.slice(0, PAGE),
    nextCursor: rows.length > PAGE ? (rows[PAGE - 1]?.id ?? null) : null,
    templates: templates.map((t) => t.template),
  }
}

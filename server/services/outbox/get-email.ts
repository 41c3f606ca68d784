import { type Actor, notFound } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { assertAdmin } from '../org/admin.ts'

/** One email as it was sent: HTML and plain-text parts, headers, delivery state. */
export async function getEmail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const email = await db.emailMessage.findFirst({
    where: { id, districtId: actor.districtId },
    select: {
      id: true,
      toAddress: true,
      subject: true,
      html: true,
      text: true,
      template: true,
      category: true,
      headers: true,
      status: true,
      attempts: true,
      lastError: true,
      deliveredVia: true,
      sentAt: true,
      createdAt: true,
    },
  })
  if (!email) throw notFound('Email')
  assertAdmin(actor, 'read the outbox')
  return { ...email, headers: email.headers as Record<string, string> }
}

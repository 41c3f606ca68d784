import { type Actor, notFound, type SetTemporaryPasswordInput } from '@pdsa/domain'
import { hashPassword } from '../../auth/password.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin } from '../org/admin.ts'

/**
 * The one place an admin types someone's password: a temporary one, to tell them in person. Their
 * sessions end, and the next sign-in with it asks for a new password before anything else.
 */
export async function setTemporaryPassword({
  db,
  actor,
  userId,
  password,
}: { db: Db; actor: Actor } & SetTemporaryPasswordInput) {
  const user = await db.user.findFirst({
    where: { id: userId, districtId: actor.districtId },
    select: { id: true },
  })
  if (!user) throw notFound('User')
  assertAdmin(actor, 'set passwords')
  const hash = await hashPassword(password)
  await db.$transaction(async (tx) => {
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } })
    await tx.user.update({ where: { id: userId }, data: { mustChangePassword: true } })
    await tx.session.deleteMany({ where: { userId } })
    // Who set it and when; never the password or its hash.
    await recordAudit(tx, actor, {
      action: 'user.set_temporary_password',
      entityType: 'user',
      entityId: userId,
    })
  })
  return { ok: true as const }
}

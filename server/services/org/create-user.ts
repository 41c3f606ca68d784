import type { Actor, CreateUserInput } from '@pdsa/domain'
import { hashPassword } from '../../auth/password.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin, conflict } from './admin.ts'

const userSelect = { id: true, email: true, name: true, title: true, createdAt: true } as const

/** A new user of the actor's district with an initial password; roles are granted separately. */
export async function createUser({
  db,
  actor,
  password,
  ...input
}: { db: Db; actor: Actor } & CreateUserInput) {
  assertAdmin(actor, 'add users')
  const emailTaken = () => conflict('email', `A user of this district already has the email ${input.email}.`)
  // Emails are unique within a district only (ADR 019): an account in another district neither
  // blocks this one nor shows through.
  const sameEmail = { districtId: actor.districtId, email: input.email }
  if (await db.user.findFirst({ where: sameEmail, select: { id: true } })) throw emailTaken()
  const hash = await hashPassword(password)
  return db.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: sameEmail, select: { id: true } })) throw emailTaken()
    const user = await tx.user.create({
      data: { districtId: actor.districtId, ...input, password: { create: { hash } } },
      select: userSelect,
    })
    // The audit event records who was created, never the password or its hash.
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: input,
    })
    return user
  })
}

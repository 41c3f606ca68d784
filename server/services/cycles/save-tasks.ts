import type { Actor, SaveTasksInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { fromIsoDate, validation } from '../shared.ts'
import { replaceList } from './replace-list.ts'
import { requireEditableCycle } from './require-cycle.ts'

const comparable = ({ id: _id, cycleId: _c, ...rest }: Record<string, unknown>) => rest

/** The cycle's task list: what, who, due, where, done (replace-list: rows keep their ids). */
export async function saveTasks({
  db,
  actor,
  now,
  id,
  tasks,
}: { db: Db; actor: Actor; now: Date } & SaveTasksInput) {
  await requireEditableCycle(db, actor, id)
  const existing = await db.cycleTask.findMany({ where: { cycleId: id }, orderBy: { position: 'asc' } })
  const existingIds = new Set(existing.map((t) => t.id))
  tasks.forEach((t, i) => {
    if (t.id && !existingIds.has(t.id)) throw validation(`tasks.${i}.id`, 'No such task in this cycle.')
  })
  const rows = tasks.map((t, position) => ({
    ...t,
    position,
    dueDate: t.dueDate ? fromIsoDate(t.dueDate) : null,
  }))
  await db.$transaction(async (tx) => {
    const { changed, after } = await replaceList({
      existing,
      incoming: rows,
      remove: (ids) => tx.cycleTask.deleteMany({ where: { cycleId: id, id: { in: ids } } }),
      update: ({ id: taskId, ...data }) => tx.cycleTask.update({ where: { id: taskId }, data }),
      create: ({ id: _id, ...data }) => tx.cycleTask.create({ data: { ...data, cycleId: id } }),
      comparable,
    })
    if (!changed) return
    await tx.pdsaCycle.update({ where: { id }, data: { lastEditedAt: now } })
    await recordAudit(tx, actor, {
      action: 'cycle.save_tasks',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { tasks: existing.map(comparable) },
      after: { tasks: after },
    })
  })
  return { id }
}

import type { Actor, SaveTasksInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { fromIsoDate, validation } from '../shared.ts'
import { lockListVersion, nextListVersion } from './list-version.ts'
import { replaceList } from './replace-list.ts'
import { requireEditableCycle } from './require-cycle.ts'

const comparable = ({ id: _id, cycleId: _c, ...rest }: Record<string, unknown>) => rest

/** The cycle's task list: what, who, due, where, done (replace-list: rows keep their ids). */
export async function saveTasks({
  db,
  actor,
  now,
  id,
  expectedVersion,
  tasks,
}: { db: Db; actor: Actor; now: Date } & SaveTasksInput) {
  await requireEditableCycle(db, actor, id)
  const rows = tasks.map((t, position) => ({
    ...t,
    position,
    dueDate: t.dueDate ? fromIsoDate(t.dueDate) : null,
  }))
  return db.$transaction(async (tx) => {
    // Lock first: the rows read below are the ones this save replaces.
    const version = await lockListVersion(tx, id, 'tasks', expectedVersion)
    const existing = await tx.cycleTask.findMany({ where: { cycleId: id }, orderBy: { position: 'asc' } })
    const existingIds = new Set(existing.map((t) => t.id))
    tasks.forEach((t, i) => {
      if (t.id && !existingIds.has(t.id)) throw validation(`tasks.${i}.id`, 'No such task in this cycle.')
    })
    const { changed, after, ids } = await replaceList({
      existing,
      incoming: rows,
      remove: (ids) => tx.cycleTask.deleteMany({ where: { cycleId: id, id: { in: ids } } }),
      update: ({ id: taskId, ...data }) => tx.cycleTask.update({ where: { id: taskId }, data }),
      create: ({ id: _id, ...data }) => tx.cycleTask.create({ data: { ...data, cycleId: id } }),
      comparable,
    })
    if (!changed) return { id, version, ids }
    await tx.pdsaCycle.update({ where: { id }, data: nextListVersion('tasks', now) })
    await recordAudit(tx, actor, {
      action: 'cycle.save_tasks',
      entityType: 'pdsa_cycle',
      entityId: id,
      before: { tasks: existing.map(comparable) },
      after: { tasks: after },
    })
    return { id, version: version + 1, ids }
  })
}

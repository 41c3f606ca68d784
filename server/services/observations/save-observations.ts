import {
  type Actor,
  canEnterSchoolData,
  isoDateInZone,
  notFound,
  type SaveObservationsInput,
} from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireSchool } from '../references.ts'
import { assertAllowed, fromIsoDate, invalidState, toIsoDate, validation } from '../shared.ts'
import { checkObservations } from './check-observations.ts'

/**
 * Upserts a batch of one measure's observations at one school, in one transaction: new rows are
 * inserted, changed rows updated, identical rows left alone (saving the same batch twice changes
 * nothing, not even the audit log). Any invalid row rejects the whole batch.
 */
export async function saveObservations({
  db,
  actor,
  now = new Date(),
  measureId,
  schoolId,
  observations,
}: { db: Db; actor: Actor; now?: Date } & SaveObservationsInput) {
  const school = await requireSchool(db, actor, schoolId)
  const measure = await db.measure.findFirst({ where: { id: measureId, districtId: actor.districtId } })
  if (!measure) throw notFound('Measure')
  assertAllowed(
    canEnterSchoolData(actor, school.id),
    'Only team members at this school and district leaders can enter its data.',
  )
  if (measure.schoolId && measure.schoolId !== school.id) {
    throw validation('schoolId', 'This measure belongs to another school.')
  }
  if (measure.archivedAt) throw invalidState('This measure is archived: restore it before entering data.')
  const groupIds = [...new Set(observations.map((o) => o.studentGroupId))]
  const groups = await db.studentGroup.findMany({
    where: { districtId: actor.districtId, id: { in: groupIds } },
    select: { id: true, name: true, isActive: true },
  })
  const { timeZone } = await db.district.findUniqueOrThrow({
    where: { id: actor.districtId },
    select: { timeZone: true },
  })
  const rows = checkObservations(
    observations,
    measure,
    new Map(groups.map((g) => [g.id, g])),
    isoDateInZone(now, timeZone),
  )

  return db.$transaction(async (tx) => {
    const existing = await tx.observation.findMany({
      where: {
        measureId,
        schoolId: school.id,
        studentGroupId: { in: groupIds },
        period: { in: [...new Set(rows.map((r) => r.period))].map(fromIsoDate) },
      },
    })
    const byKey = new Map(existing.map((o) => [`${o.studentGroupId}|${toIsoDate(o.period)}`, o]))
    const inserts: typeof rows = []
    const updates: { id: string; row: (typeof rows)[number]; before: object }[] = []
    for (const row of rows) {
      const old = byKey.get(`${row.studentGroupId}|${row.period}`)
      if (!old) inserts.push(row)
      else if (
        old.value !== row.value ||
        old.numerator !== row.numerator ||
        old.denominator !== row.denominator
      ) {
        updates.push({
          id: old.id,
          row,
          before: { value: old.value, numerator: old.numerator, denominator: old.denominator },
        })
      }
    }
    const common = {
      districtId: actor.districtId,
      measureId,
      schoolId: school.id,
      source: 'manual' as const,
      enteredById: actor.userId,
    }
    if (inserts.length > 0) {
      await tx.observation.createMany({
        data: inserts.map((r) => ({ ...common, ...r, period: fromIsoDate(r.period) })),
      })
    }
    for (const u of updates) {
      const { value, numerator, denominator } = u.row
      await tx.observation.update({
        where: { id: u.id },
        data: { value, numerator, denominator, source: 'manual', enteredById: actor.userId },
      })
    }
    if (inserts.length + updates.length > 0) {
      await recordAudit(tx, actor, {
        action: 'observation.save',
        entityType: 'measure',
        entityId: measureId,
        before: { schoolId: school.id, updated: updates.map((u) => ({ id: u.id, ...u.before })) },
        after: {
          schoolId: school.id,
          inserted: inserts,
          updated: updates.map((u) => ({ id: u.id, ...u.row })),
        },
      })
    }
    return {
      inserted: inserts.length,
      updated: updates.length,
      unchanged: rows.length - inserts.length - updates.length,
    }
  })
}

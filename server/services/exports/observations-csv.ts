// A measure's observations as CSV, one row per school × period × student group. Exports always apply
// small-cell suppression (docs/design/education-data.md §4.3, ADR 011), whoever asks: a cell whose
// denominator is below the district's threshold is written "n<10" with every number blank, and a cell
// hidden so that one cannot be recovered by subtraction is written "suppressed". Suppression is computed
// per school and period over every student group before the group filter is applied.
import { type Actor, canReadSchool, type ExportObservationsInput, forbidden, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { loadPrivacyContext } from '../analytics/privacy-context.ts'
import { suppressionReasons } from '../observations/suppress.ts'
import { fromIsoDate, toIsoDate } from '../shared.ts'
import { csvFileName, toCsv } from './csv.ts'

export const OBSERVATION_EXPORT_FIELDS = [
  'measure',
  'measure_name',
  'school',
  'school_name',
  'period',
  'student_group',
  'student_group_name',
  'value',
  'numerator',
  'denominator',
  'suppressed',
  'source',
] as const

/** At most this many observations in one file (a measure over every school for many years fits). */
export const OBSERVATION_EXPORT_MAX_ROWS = 500_000

export async function exportObservationsCsv({
  db,
  actor,
  now,
  measureId,
  schoolIds,
  studentGroupIds,
  from,
  to,
}: { db: DbTx; actor: Actor; now: Date } & ExportObservationsInput) {
  const measure = await db.measure.findFirst({
    where: { id: measureId, districtId: actor.districtId },
    select: { id: true, code: true, name: true, schoolId: true },
  })
  if (!measure) throw notFound('Measure')
  if (measure.schoolId && !canReadSchool(actor, measure.schoolId)) throw notFound('Measure')
  const schools = await db.school.findMany({
    where: { districtId: actor.districtId, ...(schoolIds ? { id: { in: schoolIds } } : {}) },
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  })
  if (schoolIds && schools.length !== new Set(schoolIds).size) throw notFound('School')
  const readable = schools.filter((s) => canReadSchool(actor, s.id))
  if (schoolIds && readable.length < schools.length) {
    throw forbidden('You do not have access to the data of every school you asked for.')
  }
  if (readable.length === 0) throw forbidden('You do not have access to any school’s data.')
  const { threshold, groups, groupById: groupOf } = await loadPrivacyContext(db, actor)
  if (studentGroupIds?.some((id) => !groupOf.has(id))) throw notFound('Student group')
  const rows = await db.observation.findMany({
    where: {
      districtId: actor.districtId,
      measureId: measure.id,
      schoolId: { in: readable.map((s) => s.id) },
      ...(from || to
        ? { period: { ...(from ? { gte: fromIsoDate(from) } : {}), ...(to ? { lte: fromIsoDate(to) } : {}) } }
        : {}),
    },
    select: {
      id: true,
      schoolId: true,
      studentGroupId: true,
      period: true,
      value: true,
      numerator: true,
      denominator: true,
      source: true,
    },
    take: OBSERVATION_EXPORT_MAX_ROWS + 1,
  })
  if (rows.length > OBSERVATION_EXPORT_MAX_ROWS) {
    throw forbidden(
      `More than ${OBSERVATION_EXPORT_MAX_ROWS.toLocaleString('en-US')} observations match: choose fewer schools or a shorter date range.`,
    )
  }
  const bySchool = new Map<string, typeof rows>()
  for (const r of rows) {
    const list = bySchool.get(r.schoolId) ?? []
    list.push(r)
    bySchool.set(r.schoolId, list)
  }
  const reasons = new Map<string, string>()
  for (const list of bySchool.values()) {
    const hidden = suppressionReasons(
      list.map((r) => ({
        id: r.id,
        period: toIsoDate(r.period),
        denominator: r.denominator,
        studentGroupId: r.studentGroupId,
      })),
      groups,
      threshold,
    )
    for (const [id, reason] of hidden) reasons.set(id, reason)
  }
  const schoolOf = new Map(readable.map((s) => [s.id, s]))
  const wanted = studentGroupIds ? new Set(studentGroupIds) : null
  const smallCell = `n<${threshold}`
  const out = rows
    .filter((r) => !wanted || wanted.has(r.studentGroupId))
    .map((r) => ({
      r,
      school: schoolOf.get(r.schoolId) as { code: string; name: string },
      group: groupOf.get(r.studentGroupId) as (typeof groups)[number],
      period: toIsoDate(r.period),
    }))
    .sort(
      (a, b) =>
        a.school.name.localeCompare(b.school.name) ||
        a.period.localeCompare(b.period) ||
        a.group.sortOrder - b.group.sortOrder ||
        a.group.code.localeCompare(b.group.code),
    )
    .map(({ r, school, group, period }) => {
      const reason = reasons.get(r.id)
      const hidden = reason !== undefined
      return [
        measure.code,
        measure.name,
        school.code,
        school.name,
        period,
        group.code,
        group.name,
        hidden ? (reason === 'primary' ? smallCell : 'suppressed') : r.value,
        hidden ? null : r.numerator,
        hidden ? null : r.denominator,
        hidden ? (reason === 'primary' ? smallCell : 'complementary') : '',
        r.source,
      ]
    })
  const suppressedCount = out.filter((row) => row[10] !== '').length
  return {
    fileName: csvFileName(['observations', measure.code], now),
    csv: toCsv(OBSERVATION_EXPORT_FIELDS, out),
    rowCount: out.length,
    suppressedCount,
    suppressionThreshold: threshold,
  }
}

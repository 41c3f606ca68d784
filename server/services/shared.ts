// Small helpers every service uses: tenant-scoped where clauses, date-only conversion, and checks.
import { type Actor, DomainError, forbidden, readableScope } from '@pdsa/domain'

/** `YYYY-MM-DD` → the Date Prisma stores in a `@db.Date` column (UTC midnight). */
export function fromIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`)
}

/** A `@db.Date` value → `YYYY-MM-DD` (never shifted by the viewer's time zone). */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10)
}
export function toIsoDateOrNull(value: Date | null): string | null {
  return value ? toIsoDate(value) : null
}

/**
 * Where-clause for rows that carry districtId, schoolId and teamId (goals, cycles…): the actor's
 * district, and within it only what the actor may read. `teamField` null means the row may have no team
 * (school-level goals), in which case school readers see it.
 */
export function readableTeamWorkWhere(actor: Actor) {
  const scope = readableScope(actor)
  if (scope.all) return { districtId: actor.districtId }
  return {
    districtId: actor.districtId,
    OR: [{ schoolId: { in: scope.schoolIds } }, { teamId: { in: scope.teamIds } }],
  }
}

export function assertAllowed(allowed: boolean, message: string): asserts allowed {
  if (!allowed) throw forbidden(message)
}

export function invalidState(message: string, fieldErrors?: Record<string, string[]>): DomainError {
  return new DomainError('INVALID_STATE', message, fieldErrors ? { fieldErrors } : undefined)
}

export function validation(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', `${field}: ${message}`, { fieldErrors: { [field]: [message] } })
}

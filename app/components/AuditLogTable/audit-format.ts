import type { RouterOutputs } from '~/lib/types'

export type AuditEvent = RouterOutputs['audit']['list']['events'][number]

/** Pages of the records an event may point at. */
const ENTITY_PATHS: Record<string, string> = {
  equity_goal: '/goals/',
  goal: '/goals/',
  cycle: '/cycles/',
  pdsa_cycle: '/cycles/',
  measure: '/measures/',
  team: '/teams/',
}

export function entityPath(event: Pick<AuditEvent, 'entityType' | 'entityId'>): string | null {
  const base = ENTITY_PATHS[event.entityType]
  return base ? `${base}${event.entityId}` : null
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** "name: Old → New" for each field an event changed (at most `max`), for a one-line summary. */
export function changeSummary(event: Pick<AuditEvent, 'before' | 'after'>, max = 3): string[] {
  const before = (event.before && typeof event.before === 'object' ? event.before : {}) as Record<
    string,
    unknown
  >
  const after = (event.after && typeof event.after === 'object' ? event.after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const lines = keys
    .slice(0, max)
    .map((k) =>
      k in before && k in after
        ? `${k}: ${short(before[k])} → ${short(after[k])}`
        : k in after
          ? `${k}: ${short(after[k])}`
          : `${k}: ${short(before[k])} (removed)`,
    )
  if (keys.length > max) lines.push(`and ${keys.length - max} more`)
  return lines
}

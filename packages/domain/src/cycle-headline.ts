// A cycle's headline verdict, built from the verdicts of its linked measures (ADR 024): it leads with
// the outcome, then the process (process and driver measures), then any balancing measure — so a
// process measure that improved can never read as "the cycle improved" while the outcome has no data.
// Every surface that shows one verdict per cycle (goal page, cycle page, portfolio, search, alignment)
// shows this one.
import type { MeasureFamily } from './enums.ts'
import type { CycleVerdictKindName } from './schemas/portfolio.ts'

/** The role a measure family plays in the headline (driver measures count with the process). */
export type HeadlineRole = 'outcome' | 'process' | 'balancing'

/** A part's verdict: one of the measure verdicts, mixed (improved and worsened), or none linked. */
export type HeadlineStatus = CycleVerdictKindName | 'mixed' | 'none_linked'

export interface HeadlinePart {
  role: HeadlineRole
  /** "Outcome" */
  label: string
  status: HeadlineStatus
  /** Linked measures (measure × group) in this part. */
  measureCount: number
  /** How many of them carry the part's status (e.g. 1 of 2 improved); equals measureCount when they agree. */
  agreeing: number
  /** "Outcome: not enough data", "Process: improved (1 of 2)" */
  text: string
}

export interface CycleHeadline {
  /** Outcome first (always present), then process and balancing when the cycle links such measures. */
  parts: HeadlinePart[]
  /** The outcome part's status: the tone of the headline. */
  lead: HeadlineStatus
  /** "Outcome: not enough data · Process: improved"; "No linked measures" when the cycle links none. */
  text: string
  hasVerdicts: boolean
}

export const HEADLINE_STATUS_WORDS: Record<HeadlineStatus, string> = {
  improved: 'improved',
  worsened: 'worsened',
  mixed: 'mixed signals',
  no_signal: 'no signal',
  not_enough_data: 'not enough data',
  none_linked: 'no measure linked',
}

const ROLE_OF: Record<MeasureFamily, HeadlineRole> = {
  outcome: 'outcome',
  process: 'process',
  driver: 'process',
  balancing: 'balancing',
}

const ROLE_LABELS: Record<HeadlineRole, string> = {
  outcome: 'Outcome',
  process: 'Process',
  balancing: 'Balancing',
}

/**
 * One status for several verdicts of the same role: improved or worsened when a signal went one way
 * (mixed when both), else no signal when any could be judged, else not enough data.
 */
export function combineVerdicts(verdicts: readonly CycleVerdictKindName[]): {
  status: HeadlineStatus
  agreeing: number
} {
  if (verdicts.length === 0) return { status: 'none_linked', agreeing: 0 }
  const count = (k: CycleVerdictKindName) => verdicts.filter((v) => v === k).length
  const improved = count('improved')
  const worsened = count('worsened')
  if (improved > 0 && worsened > 0) return { status: 'mixed', agreeing: improved + worsened }
  if (improved > 0) return { status: 'improved', agreeing: improved }
  if (worsened > 0) return { status: 'worsened', agreeing: worsened }
  const noSignal = count('no_signal')
  if (noSignal > 0) return { status: 'no_signal', agreeing: noSignal }
  return { status: 'not_enough_data', agreeing: verdicts.length }
}

function partText(label: string, status: HeadlineStatus, agreeing: number, total: number): string {
  const words = HEADLINE_STATUS_WORDS[status]
  const share = total > 1 && agreeing < total && status !== 'mixed' ? ` (${agreeing} of ${total})` : ''
  return `${label}: ${words}${share}`
}

/** The headline verdict of a cycle from its linked measures' verdicts (any order). */
export function cycleHeadline(
  verdicts: readonly { measureFamily: MeasureFamily; verdict: CycleVerdictKindName }[],
): CycleHeadline {
  const roles: HeadlineRole[] = ['outcome', 'process', 'balancing']
  const parts = roles.flatMap((role): HeadlinePart[] => {
    const mine = verdicts.filter((v) => ROLE_OF[v.measureFamily] === role).map((v) => v.verdict)
    if (mine.length === 0 && role !== 'outcome') return []
    const { status, agreeing } = combineVerdicts(mine)
    const label = ROLE_LABELS[role]
    return [
      {
        role,
        label,
        status,
        measureCount: mine.length,
        agreeing,
        text: partText(label, status, agreeing, mine.length),
      },
    ]
  })
  const hasVerdicts = verdicts.length > 0
  const lead = parts[0]?.status ?? 'none_linked'
  return {
    parts: hasVerdicts ? parts : [],
    lead,
    text: hasVerdicts ? parts.map((p) => p.text).join(' · ') : 'No linked measures',
    hasVerdicts,
  }
}

/** "Black or African American" → "Black or African American students"; names that already say who stay as they are. */
export function studentGroupPhrase(groupName: string): string {
  const name = groupName.trim()
  return /\b(students?|learners?|youth|children|pupils?)\b/i.test(name) ? name : `${name} students`
}

export interface JudgedFor {
  /** "Judged for Black or African American students" */
  note: string
  /** "Judged for Black or African American students: not enough data" */
  text: string
  /** The combined verdict of the judged groups. */
  status: HeadlineStatus
}

/**
 * What a chart of one group (say all students) says about a cycle that was judged for another group (its
 * focal group): which group, and that group's verdict — "Judged for Black or African American students:
 * not enough data". Several groups: "Judged for English learners: improved; Filipino students: no signal".
 * Null when no verdict was given for another group.
 */
export function judgedForText(
  verdicts: readonly { studentGroupName: string; verdict: CycleVerdictKindName }[],
): JudgedFor | null {
  if (verdicts.length === 0) return null
  const groups = [...new Set(verdicts.map((v) => v.studentGroupName))]
  const perGroup = groups.map((g) => ({
    phrase: studentGroupPhrase(g),
    status: combineVerdicts(verdicts.filter((v) => v.studentGroupName === g).map((v) => v.verdict)).status,
  }))
  const status = combineVerdicts(verdicts.map((v) => v.verdict)).status
  const note = `Judged for ${perGroup.map((g) => g.phrase).join(', ')}`
  const text =
    perGroup.length === 1
      ? `${note}: ${HEADLINE_STATUS_WORDS[status]}`
      : `Judged for ${perGroup.map((g) => `${g.phrase}: ${HEADLINE_STATUS_WORDS[g.status]}`).join('; ')}`
  return { note, text, status }
}

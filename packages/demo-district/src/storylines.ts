// The storylines of education-data.md §6.3, as week-by-week policies the simulation applies and the
// cycle scripts cite: the cycle windows below ARE the weeks in which each change was tested, so the
// data move (or do not) inside the cycles that claim them.
import type { YearKey } from './calendar.ts'
import type { SimStudent } from './students.ts'

/** A window of instructional weeks of one year: [start, start + weeks). */
export interface WeekWindow {
  year: YearKey
  start: number
  weeks: number
}

const inWindow = (w: WeekWindow, year: YearKey, week: number) =>
  year === w.year && week >= w.start && week < w.start + w.weeks

// ───────────── Harbor Middle: family outreach and mentoring for Black and SED students ─────────────

export const HARBOR_RAMP = {
  nudgeOneFamily: { year: 'Y2', start: 5, weeks: 2 },
  mentorTen: { year: 'Y2', start: 7, weeks: 2 },
  mentorForty: { year: 'Y2', start: 9, weeks: 3 },
  mentorGradeSeven: { year: 'Y2', start: 12, weeks: 6 },
  mentorSchoolwide: { year: 'Y2', start: 18, weeks: 12 },
} as const satisfies Record<string, WeekWindow>

// ───────────── Bayview Elementary: a personal call home after the second absence ─────────────

export const BAYVIEW_RAMP = {
  oneClass: { year: 'Y2', start: 10, weeks: 2 },
  kindergarten: { year: 'Y2', start: 12, weeks: 4 },
  primaryGrades: { year: 'Y2', start: 16, weeks: 8 },
  wholeSchool: { year: 'Y2', start: 24, weeks: 10 },
} as const satisfies Record<string, WeekWindow>

export interface OutreachPolicy {
  /** Probability that a flagged student's family is reached within 48 hours. */
  contactRate: number
  /** Whether the team logs the contacts (FAMILY_CONTACT_48H has data). */
  recorded: boolean
  /** Who is offered the change once their family is reached. */
  isEligible: (s: SimStudent) => boolean
  /** Most students engaged at once (mentoring caseload). */
  capacity: number
  /** Relative reduction of an engaged student's daily absence. */
  effect: (s: SimStudent) => number
  /** Prefer these students when capacity is short. */
  priority: (s: SimStudent) => number
  /**
   * Who is offered the change: students whose family was reached after this week's flag, or every
   * eligible student on the "approaching chronic" list (≥ 5% absent to date), highest first.
   */
  selection: 'reached' | 'list'
}

const harborFocal = (s: SimStudent) => s.race === 'AA' || s.programs.SED
const blackFirst = (s: SimStudent) => (s.race === 'AA' ? 2 : 1)
/** Mentors were matched first with Black students, through the family liaison's network. */
const harborEffect = (s: SimStudent) => (s.race === 'AA' ? 0.48 : 0.18)

/** The Harbor team started logging family contacts in the spring of Y1, when it formed. */
export const HARBOR_LOG_START_Y1 = 26

function harborPolicy(year: YearKey, week: number): OutreachPolicy | null {
  const base = {
    recorded: true,
    isEligible: harborFocal,
    priority: blackFirst,
    effect: harborEffect,
    selection: 'list' as const,
  }
  if (year === 'Y3') return { ...base, contactRate: 0.86, capacity: Number.POSITIVE_INFINITY }
  if (year === 'Y1') return { ...base, recorded: week >= HARBOR_LOG_START_Y1, contactRate: 0.19, capacity: 0 }
  const r = HARBOR_RAMP
  if (week >= r.mentorSchoolwide.start)
    return { ...base, contactRate: 0.85, capacity: Number.POSITIVE_INFINITY }
  if (inWindow(r.mentorGradeSeven, year, week)) {
    return {
      ...base,
      contactRate: 0.68,
      capacity: Number.POSITIVE_INFINITY,
      isEligible: (s) => harborFocal(s) && s.grade === 7,
    }
  }
  if (inWindow(r.mentorForty, year, week)) return { ...base, contactRate: 0.45, capacity: 40 }
  if (inWindow(r.mentorTen, year, week)) {
    return { ...base, contactRate: 0.3, capacity: 10, isEligible: (s) => s.race === 'AA' }
  }
  if (inWindow(r.nudgeOneFamily, year, week)) return { ...base, contactRate: 0.22, capacity: 0 }
  return { ...base, contactRate: 0.2, capacity: 0 }
}

function bayviewPolicy(year: YearKey, week: number): OutreachPolicy | null {
  const base = {
    recorded: year !== 'Y1',
    priority: () => 1,
    capacity: Number.POSITIVE_INFINITY,
    effect: () => 0.5,
    selection: 'reached' as const,
  }
  const everyone = () => true
  if (year === 'Y3') return { ...base, contactRate: 0.82, isEligible: everyone }
  if (year === 'Y1') return null
  const r = BAYVIEW_RAMP
  if (week >= r.wholeSchool.start) return { ...base, contactRate: 0.85, isEligible: everyone }
  if (inWindow(r.primaryGrades, year, week))
    return { ...base, contactRate: 0.6, isEligible: (s) => s.grade <= 2 }
  if (inWindow(r.kindergarten, year, week))
    return { ...base, contactRate: 0.45, isEligible: (s) => s.grade === 0 }
  if (inWindow(r.oneClass, year, week)) {
    return { ...base, contactRate: 0.3, isEligible: (s) => s.grade === 0 && s.id % 4 === 0 }
  }
  return { ...base, contactRate: 0.25, isEligible: () => false }
}

export function outreachPolicy(schoolCode: string, year: YearKey, week: number): OutreachPolicy | null {
  if (schoolCode === 'HMS') return harborPolicy(year, week)
  if (schoolCode === 'BAY') return bayviewPolicy(year, week)
  return null
}

// ───────────── Kestrel High: restorative conferences instead of OSS for defiance/disruption ─────────────

export const KESTREL_RAMP = {
  referralAudit: { year: 'Y2', start: 12, weeks: 3 },
  oneDean: { year: 'Y2', start: 20, weeks: 2 },
  allDeans: { year: 'Y2', start: 22, weeks: 4 },
  schoolwide: { year: 'Y2', start: 26, weeks: 11 },
} as const satisfies Record<string, WeekWindow>

/** A defiance/disruption OSS that goes to a restorative conference instead ends in a half-day reset in ISS this often. */
export const RESTORATIVE_ISS = { share: 0.5, days: 0.5 }

/** Where conferences are the norm, teachers also request one for this share of defiance referrals. */
export const CONFERENCE_PER_DEFIANCE_REFERRAL = 0.15

/** Probability that a defiance/disruption incident of a student in `grade` goes to a restorative conference. */
export function restorativeCoverage(schoolCode: string, year: YearKey, week: number, grade: number): number {
  if (schoolCode !== 'KHS' || year === 'Y1') return 0
  if (year === 'Y3') return 0.92
  const r = KESTREL_RAMP
  if (week >= r.schoolwide.start) return 0.92
  if (inWindow(r.allDeans, year, week)) return grade <= 10 ? 0.88 : 0
  if (inWindow(r.oneDean, year, week)) return grade === 9 ? 0.35 : 0
  return 0
}

// ───────────── Lakeside High: biweekly D/F review and a targeted tutoring block ─────────────

export const LAKESIDE_RAMP = {
  reviewAlgebra: { year: 'Y2', start: 6, weeks: 4 },
  reviewAllCore: { year: 'Y2', start: 10, weeks: 6 },
  tutoringTwelve: { year: 'Y2', start: 16, weeks: 4 },
  tutoringAll: { year: 'Y2', start: 20, weeks: 14 },
} as const satisfies Record<string, WeekWindow>

export interface GradeSupportPolicy {
  /** Weekly improvement of the latent course risk for a 9th grader on the D/F list (teacher follow-up). */
  reviewEffect: number
  /** Who may attend the tutoring block, and how likely a flagged eligible student attends. */
  isTutoringEligible: (s: SimStudent) => boolean
  tutoringAttendance: number
  /** Weekly improvement for a student who attended the tutoring block. */
  tutoringEffect: number
  /** Most students in the tutoring block at once. */
  capacity: number
}

const elOrSwd = (s: SimStudent) => s.programs.EL || s.programs.SWD

export function gradeSupportPolicy(
  schoolCode: string,
  year: YearKey,
  week: number,
): GradeSupportPolicy | null {
  if (schoolCode !== 'LHS' || year === 'Y1') return null
  const none = {
    reviewEffect: 0,
    isTutoringEligible: () => false,
    tutoringAttendance: 0,
    tutoringEffect: 0,
    capacity: 0,
  }
  const adopted = {
    reviewEffect: 0.02,
    isTutoringEligible: elOrSwd,
    tutoringAttendance: 0.78,
    tutoringEffect: 0.035,
    capacity: 400,
  }
  if (year === 'Y3') return week >= 2 ? adopted : none
  const r = LAKESIDE_RAMP
  if (week >= r.tutoringAll.start) return adopted
  if (inWindow(r.tutoringTwelve, year, week)) {
    return { ...adopted, isTutoringEligible: (s) => s.programs.EL, capacity: 12 }
  }
  if (inWindow(r.reviewAllCore, year, week)) return { ...none, reviewEffect: 0.02 }
  if (inWindow(r.reviewAlgebra, year, week)) return { ...none, reviewEffect: 0.008 }
  return none
}

export const MAX_ACADEMIC_GAIN = 0.7

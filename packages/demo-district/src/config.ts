// Generator parameters (education-data.md §6.3), in one place so base rates can be retuned.
// The storyline timings and effect sizes live in storylines.ts.
import type { YearKey } from './calendar.ts'
import type { ProgramCode, RaceCode, SchoolProfile } from './schools.ts'

export const DEFAULT_SEED = 67

/**
 * Mean daily absence (before group and school multipliers): ≈24% chronic in Y1, easing to ≈21% as
 * attendance recovers district-wide; the storyline schools improve beyond that.
 */
export const BASE_DAILY_ABSENCE: Record<YearKey, number> = { Y1: 0.072, Y2: 0.066, Y3: 0.064 }

/** Unit-mean frailty: propensity = mean × frailty, frailty ~ Gamma(shape)/shape. */
export const ABSENCE_FRAILTY_SHAPE = 0.62
export const MAX_DAILY_ABSENCE = 0.6

/** Multipliers on mean absence, combined multiplicatively (CA 2021-22 chronic-absence ratios). */
export const ABSENCE_MULTIPLIER: Record<RaceCode | ProgramCode, number> = {
  HI: 1.1,
  WH: 0.8,
  AS: 0.55,
  AA: 1.3,
  FI: 0.6,
  MR: 0.9,
  AI: 1.35,
  PI: 1.35,
  SED: 1.25,
  EL: 1.05,
  SWD: 1.3,
  HOM: 1.5,
  FOS: 1.4,
}

export const SCHOOL_ABSENCE_MULTIPLIER: Record<string, number> = {
  ARR: 1.15,
  DEL: 1.15,
  CED: 0.7,
  EVG: 0.7,
  KHS: 1.2,
  LHS: 1.15,
  /** Harbor's Black students had the district's widest attendance gap in Y1 (the storyline's baseline). */
  HMS: 1.0,
}

/** Extra multipliers for one group at one school, e.g. the Harbor Middle baseline gap. */
export const SCHOOL_GROUP_ABSENCE_MULTIPLIER: Record<
  string,
  Partial<Record<RaceCode | ProgramCode, number>>
> = {
  HMS: { AA: 1.28 },
}

/** Annual unduplicated suspension rate targets, district-wide. */
export const BASE_SUSPENSION_RATE: Record<YearKey, number> = { Y1: 0.035, Y2: 0.033, Y3: 0.032 }
/**
 * Incident risk needed per unit of the unduplicated ≥ 1-day rate: half-day ISS alone does not count,
 * and incidents concentrate on fewer students (a Gamma frailty), so repeat suspensions are common.
 */
export const SUSPENSION_INCIDENT_FACTOR = 1.3
export const SUSPENSION_FRAILTY_SHAPE = 0.7

export const SUSPENSION_MULTIPLIER: Record<RaceCode | ProgramCode, number> = {
  HI: 1.05,
  WH: 0.8,
  AS: 0.3,
  AA: 2.4,
  FI: 0.5,
  MR: 1.0,
  AI: 2.1,
  PI: 1.6,
  SED: 2.0,
  EL: 1.0,
  SWD: 1.8,
  HOM: 1.6,
  FOS: 3.2,
}

export const LEVEL_SUSPENSION_MULTIPLIER: Record<SchoolProfile['level'], number> = {
  elementary: 0.35,
  middle: 1.6,
  high: 1.5,
}

export const SCHOOL_GROUP_SUSPENSION_MULTIPLIER: Record<
  string,
  Partial<Record<RaceCode | ProgramCode, number>>
> = {
  /** The seeded audit finding: Juniper's students with disabilities are suspended at a "red" rate. */
  JMS: { SWD: 2.0 },
  KHS: { AA: 0.85 },
}

export const SCHOOL_SUSPENSION_MULTIPLIER: Record<string, number> = { KHS: 1.15, LHS: 0.8 }

export const MAX_ANNUAL_SUSPENSION_RISK = 0.6

/** Share of suspension incidents for defiance/disruption (the ones restorative conferences replace). */
export const DEFIANCE_SHARE = { default: 0.68, AA: 0.85 }
/** Share of incidents that are out-of-school (the rest in-school): Black students are sent home more often. */
export const OSS_SHARE = { default: 0.6, AA: 0.75 }
/** Schools that send students home more readily than the district norm. */
export const SCHOOL_OSS_SHARE: Record<string, { default: number; AA: number }> = {
  KHS: { default: 0.75, AA: 0.88 },
}
export const OSS_DAYS: readonly (readonly [days: number, weight: number])[] = [
  [1, 0.5],
  [2, 0.3],
  [3, 0.15],
  [5, 0.05],
]
export const ISS_DAYS: readonly (readonly [days: number, weight: number])[] = [
  [0.5, 0.35],
  [1, 0.65],
]

/** Office discipline referrals per student per day, by level; group multipliers are √(suspension). */
export const ODR_PER_STUDENT_DAY: Record<SchoolProfile['level'], number> = {
  elementary: 0.0016,
  middle: 0.0032,
  high: 0.0032,
}

/** First-period tardies per student per day (Harbor's balancing measure). */
export const TARDY_PER_STUDENT_DAY = 0.028

/** Seasonality of daily absence (normalised to mean 1 over each year). */
export const SEASONALITY = {
  augSep: 0.85,
  weekBeforeWinterBreak: 1.25,
  janFeb: 1.15,
  lastThreeWeeks: 1.2,
  friday: 1.1,
}

/** Share of students entering after the first day / leaving before the last (≈8% mobility). */
export const MOBILITY = { lateEntry: 0.04, earlyExit: 0.04 }

/** Latent course-performance model (grades 6–12): logit-scale shifts. */
export const ACADEMIC_SHIFT: Partial<Record<RaceCode | ProgramCode, number>> = {
  SWD: 0.95,
  EL: 0.65,
  SED: 0.45,
  AA: 0.45,
  HI: 0.3,
  AI: 0.35,
  PI: 0.3,
  AS: -0.7,
  FI: -0.2,
  WH: -0.25,
}
export const ACADEMIC = {
  /** Added when a student's absence propensity is above 10% (chronic students fail twice as often). */
  chronicShift: 0.75,
  /** Course mark is D/F above this latent value, F above the second. */
  dfThreshold: { middle: 1.85, high: 1.7 },
  fThreshold: { middle: 2.6, high: 2.2 },
  courseSpread: 0.55,
  weeklyNoise: 0.45,
  persistence: 0.85,
}

/** ELA distance from standard: additive model, scale-score points. */
export const ELA_DFS = {
  intercept: 35,
  noise: 70,
  shift: {
    AS: 48,
    WH: 8,
    FI: 22,
    AA: -45,
    HI: -22,
    AI: -38,
    PI: -32,
    MR: -2,
    EL: -45,
    SWD: -85,
    SED: -32,
  } as Partial<Record<RaceCode | ProgramCode, number>>,
  school: { CED: 25, EVG: 30, IHM: 18, LHS: 12, ARR: -10, DEL: -12 } as Record<string, number>,
  /** Year-over-year drift (Y0 is the year before Y1). */
  year: { Y0: -4, Y1: -2, Y2: 0 } as Record<'Y0' | 'Y1' | 'Y2', number>,
  /** Results are published in this (0-based) instructional week of the following school year. */
  releaseWeek: 9,
}

// Student-level simulation of one school year at one school, week by week: daily attendance,
// discipline incidents, referrals, course marks, and the storyline changes; tallied per group.
import type { SchoolYear } from './calendar.ts'
import {
  ACADEMIC,
  DEFIANCE_SHARE,
  ISS_DAYS,
  OSS_DAYS,
  OSS_SHARE,
  SCHOOL_OSS_SHARE,
  TARDY_PER_STUDENT_DAY,
} from './config.ts'
import { CHRONIC_MIN_ENROLLED_DAYS } from './measures.ts'
import { createRng, normal, poisson, type Rng } from './random.ts'
import { absenceSeasonality } from './seasonality.ts'
import {
  CONFERENCE_PER_DEFIANCE_REFERRAL,
  type GradeSupportPolicy,
  gradeSupportPolicy,
  MAX_ACADEMIC_GAIN,
  type OutreachPolicy,
  outreachPolicy,
  RESTORATIVE_ISS,
  restorativeCoverage,
} from './storylines.ts'
import { GROUP_BIT } from './student-groups.ts'
import type { Roster, SimStudent } from './students.ts'
import {
  addToGroups as addToGroupsImport,
  FIELD as FIELD_IMPORT,
  newWeekTally,
  type WeekTally,
} from './tallies.ts'

// Local aliases: hot loops read these once per call instead of through module bindings.
const addToGroups = addToGroupsImport
const FIELD = FIELD_IMPORT
const ALL_BIT = GROUP_BIT.ALL
const AC = ACADEMIC

export interface SchoolYearSimulation {
  schoolCode: string
  year: SchoolYear
  weeks: WeekTally[]
}

/** Mutable per-student state through the year. */
interface StudentState {
  enrolledDays: number
  absentDays: number
  suspensionDays: number
  /** Multiplier on daily absence once the student is engaged by an outreach change (1 before). */
  absenceMultiplier: number
  academicGain: number
  noise: number
  semesterFs: number
}

function weightedChoice(rng: Rng, options: readonly (readonly [number, number])[]): number {
  let u = rng.next()
  for (const [value, weight] of options) {
    if (u < weight) return value
    u -= weight
  }
  return options[options.length - 1]?.[0] ?? 0
}

class SchoolYearRun {
  readonly rng: Rng
  readonly season: Float64Array
  readonly states: StudentState[]
  readonly isSecondary: boolean
  engagedCount = 0

  constructor(
    readonly roster: Roster,
    readonly year: SchoolYear,
    seed: number,
  ) {
    this.rng = createRng(seed, `simulate:${roster.school.code}:${year.key}`)
    this.season = absenceSeasonality(year)
    this.isSecondary = roster.school.level !== 'elementary'
    this.states = roster.students.map(() => ({
      enrolledDays: 0,
      absentDays: 0,
      suspensionDays: 0,
      absenceMultiplier: 1,
      academicGain: 0,
      noise: normal(this.rng) * AC.weeklyNoise,
      semesterFs: 0,
    }))
  }

  run(): WeekTally[] {
    return this.year.weeks.slice(0, this.year.observedWeeks).map((week) => this.simulateWeek(week.index))
  }

  private simulateWeek(weekIndex: number): WeekTally {
    const tally = newWeekTally(weekIndex)
    const week = this.year.weeks[weekIndex]
    if (!week) return tally
    const code = this.roster.school.code
    const outreach = outreachPolicy(code, this.year.key, weekIndex)
    const support = gradeSupportPolicy(code, this.year.key, weekIndex)
    const reportIndex = this.year.progressReportWeeks.indexOf(weekIndex)
    const lastDay = week.firstDayIndex + week.days.length - 1
    const candidates: number[] = []
    this.tutoredThisWeek = 0
    this.roster.students.forEach((student, i) => {
      const state = this.states[i] as StudentState
      if (student.entryDay > lastDay) return
      const isEnrolled = student.exitDay > week.firstDayIndex
      if (isEnrolled) {
        const attendance = this.attendWeek(tally, student, state, week.firstDayIndex, week.days.length)
        this.discipline(tally, student, state, weekIndex, week.days.length, attendance.enrolled)
        if (outreach && (attendance.absent >= 2 || attendance.crossedTenPercent)) {
          if (
            this.reachFamily(tally, student, outreach) &&
            outreach.isEligible(student) &&
            state.absenceMultiplier === 1
          ) {
            candidates.push(i)
          }
        }
        if (this.isSecondary) this.courseMarks(tally, student, state, reportIndex, support)
      }
      this.tallyToDate(tally, student, state, isEnrolled)
    })
    if (outreach)
      this.engage(outreach.selection === 'list' ? this.approachingList(outreach) : candidates, outreach)
    if (code === 'KHS') addToGroups(tally, ALL_BIT, FIELD.conferences, poisson(this.rng, 0.3))
    return tally
  }

  /** Simulates the week's school days of one student. */
  private attendWeek(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    firstDay: number,
    dayCount: number,
  ): { enrolled: number; absent: number; crossedTenPercent: boolean } {
    let enrolled = 0
    let absent = 0
    for (let d = firstDay; d < firstDay + dayCount; d++) {
      if (d < s.entryDay || d >= s.exitDay) continue
      enrolled++
      if (this.rng.next() < s.absence * state.absenceMultiplier * (this.season[d] ?? 1)) absent++
    }
    const wasBelow = state.absentDays < 0.1 * state.enrolledDays || state.enrolledDays === 0
    state.enrolledDays += enrolled
    state.absentDays += absent
    addToGroups(tally, s.mask, FIELD.enrolled, 1)
    addToGroups(tally, s.mask, FIELD.presentAvg, (enrolled - absent) / dayCount)
    if (s.schoolCode === 'HMS') {
      const tardies = poisson(this.rng, TARDY_PER_STUDENT_DAY * enrolled)
      addToGroups(tally, s.mask, FIELD.tardyPerDay, tardies / dayCount)
    }
    const crossedTenPercent =
      wasBelow && state.enrolledDays >= 10 && state.absentDays >= 0.1 * state.enrolledDays
    return { enrolled, absent, crossedTenPercent }
  }

  private reachFamily(tally: WeekTally, s: SimStudent, policy: OutreachPolicy): boolean {
    const reached = this.rng.next() < policy.contactRate
    if (policy.recorded) {
      addToGroups(tally, s.mask, FIELD.flagged, 1)
      if (reached) addToGroups(tally, s.mask, FIELD.contacted, 1)
    }
    return reached
  }

  /** Eligible students not yet in the change with ≥ 5% absent to date, most absent first. */
  private approachingList(policy: OutreachPolicy): number[] {
    const list: { i: number; rate: number }[] = []
    this.roster.students.forEach((s, i) => {
      const state = this.states[i] as StudentState
      if (state.absenceMultiplier !== 1 || state.enrolledDays < 10 || !policy.isEligible(s)) return
      const rate = state.absentDays / state.enrolledDays
      if (rate >= 0.05) list.push({ i, rate })
    })
    list.sort((a, b) => b.rate - a.rate || a.i - b.i)
    return list.map((x) => x.i)
  }

  /** Enrols reached, eligible students in the change, up to its caseload; the effect starts next week. */
  private engage(candidates: number[], policy: OutreachPolicy): void {
    const room = policy.capacity - this.engagedCount
    if (room <= 0) return
    const students = this.roster.students
    const ordered = [...candidates].sort(
      (a, b) =>
        policy.priority(students[b] as SimStudent) - policy.priority(students[a] as SimStudent) || a - b,
    )
    for (const i of ordered.slice(0, Math.min(room, ordered.length))) {
      const state = this.states[i] as StudentState
      state.absenceMultiplier = 1 - policy.effect(this.roster.students[i] as SimStudent)
      this.engagedCount++
    }
  }

  private discipline(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    weekIndex: number,
    dayCount: number,
    enrolledDays: number,
  ): void {
    const referrals = poisson(this.rng, s.odrPerDay * enrolledDays)
    addToGroups(tally, s.mask, FIELD.odrPerDay, referrals / dayCount)
    const isAa = s.race === 'AA'
    const defianceShare = isAa ? DEFIANCE_SHARE.AA : DEFIANCE_SHARE.default
    const coverage = restorativeCoverage(s.schoolCode, this.year.key, weekIndex, s.grade)
    for (let r = 0; r < referrals && coverage > 0; r++) {
      if (this.rng.next() < defianceShare * coverage * CONFERENCE_PER_DEFIANCE_REFERRAL) {
        addToGroups(tally, ALL_BIT, FIELD.conferences, 1)
      }
    }
    if (this.rng.next() >= s.suspensionHazard * (enrolledDays / 5)) return
    const isDefiance = this.rng.next() < defianceShare
    const ossShare = SCHOOL_OSS_SHARE[s.schoolCode] ?? OSS_SHARE
    if (this.rng.next() >= (isAa ? ossShare.AA : ossShare.default)) {
      this.suspend(tally, s, state, 'iss', weightedChoice(this.rng, ISS_DAYS))
      return
    }
    if (isDefiance && this.rng.next() < coverage) {
      addToGroups(tally, ALL_BIT, FIELD.conferences, 1)
      if (this.rng.next() < RESTORATIVE_ISS.share) this.suspend(tally, s, state, 'iss', RESTORATIVE_ISS.days)
      return
    }
    this.suspend(tally, s, state, 'oss', weightedChoice(this.rng, OSS_DAYS))
  }

  private suspend(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    kind: 'oss' | 'iss',
    days: number,
  ): void {
    state.suspensionDays += days
    if (kind === 'oss') addToGroups(tally, s.mask, FIELD.ossIncidents, 1)
    else addToGroups(tally, s.mask, FIELD.issDays, days)
  }

  private courseMarks(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    reportIndex: number,
    support: GradeSupportPolicy | null,
  ): void {
    const level = this.roster.school.level === 'high' ? 'high' : 'middle'
    const rho = AC.persistence
    state.noise = rho * state.noise + Math.sqrt(1 - rho * rho) * AC.weeklyNoise * normal(this.rng)
    const latent = s.academic - state.academicGain + state.noise
    let hasDf = false
    let fails = 0
    for (const shift of s.courseShifts) {
      if (latent + shift > AC.dfThreshold[level]) hasDf = true
      if (latent + shift > AC.fThreshold[level]) fails++
    }
    if (reportIndex >= 0) {
      addToGroups(tally, s.mask, FIELD.dfDen, 1)
      if (hasDf) addToGroups(tally, s.mask, FIELD.dfNum, 1)
    }
    if (s.grade !== 9 || level !== 'high') return
    if (reportIndex >= 0) this.onTrack(tally, s, state, reportIndex, fails)
    if (s.schoolCode !== 'LHS') return
    addToGroups(tally, s.mask, FIELD.df9Den, 1)
    if (!hasDf) return
    addToGroups(tally, s.mask, FIELD.df9Num, 1)
    this.gradeSupport(tally, s, state, support)
  }

  private onTrack(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    reportIndex: number,
    fails: number,
  ): void {
    const isSemesterEnd = reportIndex === 2 || reportIndex === 5
    if (isSemesterEnd) state.semesterFs += fails
    const projected = isSemesterEnd ? state.semesterFs : state.semesterFs + fails
    addToGroups(tally, s.mask, FIELD.onTrackDen, 1)
    if (projected <= 1) addToGroups(tally, s.mask, FIELD.onTrackNum, 1)
  }

  private gradeSupport(
    tally: WeekTally,
    s: SimStudent,
    state: StudentState,
    support: GradeSupportPolicy | null,
  ): void {
    addToGroups(tally, s.mask, FIELD.tutorDen, 1)
    const eligible = support?.isTutoringEligible(s) === true && this.tutoringSeats(support) > 0
    const attends = this.rng.next() < (eligible ? (support?.tutoringAttendance ?? 0) : 0.08)
    let gain = support?.reviewEffect ?? 0
    if (attends) {
      addToGroups(tally, s.mask, FIELD.tutorNum, 1)
      if (eligible) {
        gain += support?.tutoringEffect ?? 0
        this.tutoredThisWeek++
      }
    }
    state.academicGain = Math.min(MAX_ACADEMIC_GAIN, state.academicGain + gain)
  }

  private tutoredThisWeek = 0
  private tutoringSeats(support: GradeSupportPolicy): number {
    return support.capacity - this.tutoredThisWeek
  }

  private tallyToDate(tally: WeekTally, s: SimStudent, state: StudentState, isEnrolled: boolean): void {
    addToGroups(tally, s.mask, FIELD.cumulativeEnrolled, 1)
    if (state.suspensionDays >= 1) addToGroups(tally, s.mask, FIELD.suspended, 1)
    if (!isEnrolled || state.enrolledDays < CHRONIC_MIN_ENROLLED_DAYS) return
    addToGroups(tally, s.mask, FIELD.chronicDen, 1)
    const ratio = state.absentDays / state.enrolledDays
    if (ratio >= 0.1) addToGroups(tally, s.mask, FIELD.chronicNum, 1)
    else if (ratio >= 0.05) addToGroups(tally, s.mask, FIELD.atRiskNum, 1)
  }
}

export function simulateSchoolYear(roster: Roster, year: SchoolYear, seed: number): SchoolYearSimulation {
  return { schoolCode: roster.school.code, year, weeks: new SchoolYearRun(roster, year, seed).run() }
}

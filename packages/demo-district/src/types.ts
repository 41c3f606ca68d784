// The plain data the generator returns: everything keyed by codes and keys, no database ids.
import type {
  ActDecision,
  ChangeIdeaStatus,
  Confirmation,
  CyclePurpose,
  CycleStage,
  Direction,
  DriverKind,
  GoalStatus,
  ReferenceKind,
  Role,
  SchoolLevel,
} from '@pdsa/domain'
import type { YearKey } from './calendar.ts'
import type { DemoMeasure, MeasureCode } from './measures.ts'
import type { DemoStudentGroup, GroupCode } from './student-groups.ts'

export interface DemoSchool {
  code: string
  name: string
  level: SchoolLevel
  gradeSpan: string
  enrollment: number
}

export interface DemoObservation {
  measureCode: MeasureCode
  schoolCode: string
  groupCode: GroupCode
  /** Period start (YYYY-MM-DD): the Monday of the week for weekly data. */
  period: string
  value: number
  numerator: number | null
  denominator: number | null
}

export interface DemoUser {
  email: string
  name: string
  title: string
}

export interface DemoMembership {
  userEmail: string
  role: Role
  /** Set for school- and team-level memberships. */
  schoolCode: string | null
  /** Set for team-level memberships (which then also carry the team's schoolCode). */
  teamKey: string | null
}

export interface DemoTeam {
  key: string
  schoolCode: string
  name: string
  description: string
}

export interface DemoDistrictGoal {
  code: string
  title: string
  description: string
  ownerEmail: string | null
  startYear: number
  endYear: number
}

export interface DemoEquityGoal {
  key: string
  schoolCode: string
  teamKey: string | null
  title: string
  aimStatement: string
  measureCode: MeasureCode
  focalGroupCode: GroupCode
  referenceKind: ReferenceKind
  referenceGroupCode: GroupCode | null
  baselineValue: number
  baselineDate: string
  targetValue: number
  targetDate: string
  baselineGap: number | null
  targetGap: number | null
  status: GoalStatus
  createdByEmail: string | null
  createdAt: string
  districtGoalCodes: string[]
}

export interface DemoDriverNode {
  key: string
  goalKey: string
  parentKey: string | null
  kind: DriverKind
  title: string
  description: string
  position: number
}

export interface DemoChangeIdea {
  key: string
  goalKey: string
  teamKey: string | null
  title: string
  description: string
  status: ChangeIdeaStatus
  mtssTier: number | null
  evidenceLinks: string[]
  driverKeys: string[]
}

export interface DemoCycleQuestion {
  position: number
  question: string
  prediction: string
  measureCode: MeasureCode | null
  predictedValue: number | null
  predictedMin: number | null
  predictedMax: number | null
  result: string
  resultValue: number | null
  learning: string
  confirmed: Confirmation | null
}

export interface DemoCycleTask {
  position: number
  what: string
  who: string
  dueDate: string | null
  location: string
  done: boolean
}

export interface DemoCycleMeasure {
  measureCode: MeasureCode
  groupCode: GroupCode | null
  expectedDirection: Direction
  operationalDefinition: string
  collectedBy: string
  collectionSchedule: string
  analysedBy: string
  qualitativeData: string
}

export type CycleNarrative = {
  objectiveText: string
  hypothesisText: string
  questionsText: string
  predictionsText: string
  planText: string
  dataCollectionText: string
  doText: string
  studyText: string
  actText: string
}

/** What the linked-measure verdict of a storyline cycle should be (used by tests and the report). */
export type ExpectedSignal = 'improved' | 'no signal' | 'worsened'

export interface DemoCycleExpectation {
  measureCode: MeasureCode
  groupCode: GroupCode | null
  verdict: ExpectedSignal
  /** For adverse-event measures of a focal group: whether the gap to all other students narrowed. */
  gap?: 'narrowed' | 'no signal'
}

export interface DemoCycle extends CycleNarrative {
  key: string
  schoolCode: string
  teamKey: string
  goalKey: string | null
  changeIdeaKey: string | null
  previousCycleKey: string | null
  cycleNumber: number
  title: string
  ownerEmail: string | null
  testers: string
  purpose: CyclePurpose
  scale: string
  stage: CycleStage
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
  lagDays: number
  carriedOutAsPlanned: boolean | null
  predictionsConfirmed: Confirmation | null
  decision: ActDecision | null
  spreadPlan: string
  createdByEmail: string | null
  createdAt: string
  lastEditedAt: string
  stageChangedAt: string
  questions: DemoCycleQuestion[]
  tasks: DemoCycleTask[]
  measures: DemoCycleMeasure[]
  driverKeys: string[]
  /** The school year the cycle ran in. */
  year: YearKey
  expectations: DemoCycleExpectation[]
}

export interface DemoComment {
  key: string
  cycleKey: string | null
  goalKey: string | null
  parentKey: string | null
  authorEmail: string
  body: string
  requiresResponse: boolean
  resolvedAt: string | null
  resolvedByEmail: string | null
  createdAt: string
}

export interface DemoSchoolYearInfo {
  key: YearKey
  label: string
  firstDay: string
  lastDay: string
  /** Monday of the last week with data. */
  lastObservedWeek: string | null
  observedWeeks: number
}

export interface DemoDistrict {
  today: string
  seed: number
  years: DemoSchoolYearInfo[]
  district: { name: string; slug: string; suppressionThreshold: number /** MM-DD */; schoolYearStart: string }
  schools: DemoSchool[]
  studentGroups: DemoStudentGroup[]
  measures: DemoMeasure[]
  observations: DemoObservation[]
  users: DemoUser[]
  memberships: DemoMembership[]
  teams: DemoTeam[]
  districtGoals: DemoDistrictGoal[]
  equityGoals: DemoEquityGoal[]
  driverNodes: DemoDriverNode[]
  changeIdeas: DemoChangeIdea[]
  cycles: DemoCycle[]
  comments: DemoComment[]
}

export interface DemoSignIn {
  role: string
  email: string
  note: string
}

// Riverbend's people: district staff, coaches, a board member, principals and the school teams.
// Fixed names (not drawn from the seed), so the demo sign-ins never change.
import type { DemoMembership, DemoTeam, DemoUser } from './types.ts'

export const EMAIL_DOMAIN = 'riverbend.example'

/** "Tomás O'Neil-Park" → "tomas.oneilpark@riverbend.example". */
export function emailFor(name: string): string {
  const [first = '', ...rest] = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(' ')
  const clean = (s: string) => s.replace(/[^a-z]/g, '')
  return `${clean(first)}.${clean(rest.join(''))}@${EMAIL_DOMAIN}`
}

type Person = readonly [name: string, title: string]

interface TeamSpec {
  key: string
  schoolCode: string
  name: string
  description: string
  coach: string
  /** The first person leads the team. */
  people: readonly Person[]
}

export const ADMIN: Person = ['Dana Fischer', 'Data and Information Systems Administrator']
export const SUPERINTENDENT: Person = ['Marisol Ortega', 'Superintendent']
export const EQUITY_DIRECTOR: Person = ['Andre Coleman', 'Director of Equity and Continuous Improvement']
export const BOARD_MEMBER: Person = ['Linda Baptiste', 'Board Trustee, Area 3']
export const COACHES = {
  priya: ['Priya Raman', 'Improvement Coach, Elementary and Middle Schools'],
  tomas: ['Tomás Villanueva', 'Improvement Coach, Secondary'],
  grace: ['Grace Okafor', 'Instructional Improvement Coach'],
} as const satisfies Record<string, Person>

export const PRINCIPALS: Record<string, Person> = {
  ARR: ['Rosa Delgado', 'Principal, Arroyo Elementary'],
  BAY: ['Kevin Tran', 'Principal, Bayview Elementary'],
  CED: ['Margaret Ellison', 'Principal, Cedar Grove Elementary'],
  DEL: ['Darnell Hayes', 'Principal, Delta Park Elementary'],
  EVG: ['Susan Whitaker', 'Principal, Evergreen Elementary'],
  FTH: ['Luis Barrera', 'Principal, Foothill Elementary'],
  GVE: ['Angela Moreno', 'Principal, Golden Valley Elementary'],
  HMS: ['Keisha Brooks', 'Principal, Harbor Middle'],
  IHM: ['Brian Kowalski', 'Principal, Iris Hill Middle'],
  JMS: ['Elena Vasquez', 'Principal, Juniper Middle'],
  KHS: ['Marcus Bell', 'Principal, Kestrel High'],
  LHS: ['Jennifer Nakamura', 'Principal, Lakeside High'],
}

export const TEAMS: readonly TeamSpec[] = [
  {
    key: 'arr-attendance',
    schoolCode: 'ARR',
    name: 'Arroyo Attendance & Family Partnership Team',
    description:
      'Counselor, teachers and family engagement staff working on chronic absence for our SED families.',
    coach: 'priya',
    people: [
      ['Gabriela Soto', 'School Counselor'],
      ['Michael Brown', '3rd Grade Teacher'],
      ['Luz Morales', 'Family Engagement Specialist'],
      ['Tyrone Davis', 'PE Teacher'],
    ],
  },
  {
    key: 'bay-attendance',
    schoolCode: 'BAY',
    name: 'Bayview Attendance Team',
    description:
      'Weekly attendance team: a personal call home after the second absence, starting in kindergarten.',
    coach: 'priya',
    people: [
      ['Lisa Martinez', 'Assistant Principal'],
      ['Kimberly Ross', 'Kindergarten Teacher'],
      ['Rafael Cruz', 'Community Liaison'],
      ['Thu Pham', 'Office Manager'],
      ['Jasmine Carter', '1st Grade Teacher'],
    ],
  },
  {
    key: 'bay-literacy',
    schoolCode: 'BAY',
    name: 'Bayview Grades 3–5 Literacy Team',
    description:
      'Upper-grade teachers and the literacy coach; focus on reading achievement for Black students.',
    coach: 'priya',
    people: [
      ['Emily Johansson', 'Literacy Coach'],
      ['Vanessa Flores', '4th Grade Teacher'],
      ['Robert Lee', '5th Grade Teacher'],
    ],
  },
  {
    key: 'ced-literacy',
    schoolCode: 'CED',
    name: 'Cedar Grove Inclusive Literacy Team',
    description:
      'General and special education teachers co-planning reading instruction for students with IEPs.',
    coach: 'grace',
    people: [
      ['Sarah Mitchell', 'Education Specialist (Resource)'],
      ['Jessica Wong', '2nd Grade Teacher'],
      ['Alan Peterson', 'Speech-Language Pathologist'],
    ],
  },
  {
    key: 'del-attendance',
    schoolCode: 'DEL',
    name: 'Delta Park Attendance Team',
    description: 'Attendance team tackling getting-to-school barriers for Black and Latino families.',
    coach: 'priya',
    people: [
      ['Monique Taylor', 'Assistant Principal'],
      ['Francisco Ruiz', 'Community Liaison'],
      ['Karen Schultz', 'Kindergarten Teacher'],
      ['Imani Scott', 'School Counselor'],
    ],
  },
  {
    key: 'evg-el',
    schoolCode: 'EVG',
    name: 'Evergreen EL Support Team',
    description: 'ELD teacher and classroom teachers supporting newcomer and long-term English learners.',
    coach: 'grace',
    people: [
      ['Marisa Castillo', 'ELD Teacher'],
      ['Paul Anderson', '3rd Grade Teacher'],
      ['Grace Liu', 'Bilingual Instructional Aide'],
    ],
  },
  {
    key: 'fth-attendance',
    schoolCode: 'FTH',
    name: 'Foothill Attendance Team',
    description: 'Counselor-led team on school-wide attendance habits.',
    coach: 'priya',
    people: [
      ['Diana Ochoa', 'School Counselor'],
      ['Brandon Hughes', '4th Grade Teacher'],
      ['Teresa Dominguez', 'Attendance Clerk'],
    ],
  },
  {
    key: 'gve-literacy',
    schoolCode: 'GVE',
    name: 'Golden Valley Literacy Team',
    description: 'Literacy coach and grade 3 teachers on academic vocabulary for English learners.',
    coach: 'priya',
    people: [
      ['Amanda Price', 'Literacy Coach'],
      ['Hector Gomez', '3rd Grade Teacher'],
      ['Rachel Stein', 'ELD Teacher'],
    ],
  },
  {
    key: 'hms-attendance',
    schoolCode: 'HMS',
    name: 'Harbor Attendance Team',
    description:
      'Assistant principal, family liaison, counselor, attendance clerk and a teacher. Family outreach and mentoring for Black and SED students with rising absences.',
    coach: 'priya',
    people: [
      ['Carmen Reyes', 'Assistant Principal'],
      ['Terrence Jackson', 'Family Liaison'],
      ['Mei Lin', 'School Counselor'],
      ['Ana Gutierrez', 'Attendance Clerk'],
      ['David Okoye', '7th Grade Science Teacher'],
    ],
  },
  {
    key: 'hms-climate',
    schoolCode: 'HMS',
    name: 'Harbor Climate & Restorative Team',
    description: 'Dean, psychologist and teachers working on referrals and suspensions of Black students.',
    coach: 'priya',
    people: [
      ['Nicole Harper', 'Dean of Students'],
      ['Malik Johnson', '8th Grade ELA Teacher'],
      ['Sofia Ramirez', 'School Psychologist'],
    ],
  },
  {
    key: 'ihm-math',
    schoolCode: 'IHM',
    name: 'Iris Hill Math Department',
    description: 'Math teachers and the resource teacher on D/F rates for students with disabilities.',
    coach: 'tomas',
    people: [
      ['Christopher Yamamoto', 'Math Department Chair'],
      ['Alicia Romero', '7th Grade Math Teacher'],
      ['Jason Wright', 'Special Education Teacher'],
      ['Priscilla Tan', '8th Grade Math Teacher'],
    ],
  },
  {
    key: 'ihm-attendance',
    schoolCode: 'IHM',
    name: 'Iris Hill Attendance Committee',
    description: 'Assistant principal, counselor and clerk on attendance for Latino students.',
    coach: 'grace',
    people: [
      ['Heather Collins', 'Assistant Principal'],
      ['Omar Haddad', 'School Counselor'],
      ['Brenda Ito', 'Attendance Clerk'],
    ],
  },
  {
    key: 'jms-pbis',
    schoolCode: 'JMS',
    name: 'Juniper PBIS Team',
    description: 'Tier 1 behavior team: acknowledgement systems, referral data, alternatives to suspension.',
    coach: 'grace',
    people: [
      ['Victor Mendoza', 'Assistant Principal'],
      ['Stephanie Ward', '6th Grade Teacher'],
      ['Kenji Sato', 'PE Teacher'],
      ['Latoya Green', 'Behavior Specialist'],
    ],
  },
  {
    key: 'jms-attendance',
    schoolCode: 'JMS',
    name: 'Juniper Attendance Team',
    description: 'Counselor-led team on chronic absence among Latino students.',
    coach: 'priya',
    people: [
      ['Natalie Perez', 'School Counselor'],
      ['Eric Johnson', '8th Grade History Teacher'],
      ['Guadalupe Rios', 'Attendance Clerk'],
    ],
  },
  {
    key: 'khs-restorative',
    schoolCode: 'KHS',
    name: 'Kestrel Restorative Practices Team',
    description:
      'Deans, restorative practices coordinator and an assistant principal. Restorative conferences instead of out-of-school suspension for defiance and disruption.',
    coach: 'tomas',
    people: [
      ['Gregory Adams', 'Dean of Students'],
      ['Tanisha Williams', 'Restorative Practices Coordinator'],
      ['Miguel Hernandez', 'Dean of Students'],
      ['Laura Chen', 'Assistant Principal'],
      ['Derrick Moore', 'Campus Supervisor'],
    ],
  },
  {
    key: 'khs-ninth',
    schoolCode: 'KHS',
    name: 'Kestrel 9th Grade Success Team',
    description:
      'Counselor and 9th-grade teachers on attendance of socioeconomically disadvantaged students.',
    coach: 'tomas',
    people: [
      ['Patricia Nguyen', '9th Grade Counselor'],
      ['Ryan O\u2019Connor', 'English 9 Teacher'],
      ['Yesenia Lopez', 'Integrated Math 1 Teacher'],
    ],
  },
  {
    key: 'lhs-ontrack',
    schoolCode: 'LHS',
    name: 'Lakeside 9th Grade On-Track Team',
    description:
      '9th-grade core teachers with the ELD teacher and a case manager. Biweekly D/F review and a targeted tutoring block for English learners and students with disabilities.',
    coach: 'tomas',
    people: [
      ['Daniel Park', 'Algebra 1 Teacher, 9th Grade Team Lead'],
      ['Maria Santos', 'ELD Teacher'],
      ['Rebecca Goldberg', 'Special Education Case Manager'],
      ['Jose Alvarez', 'Biology Teacher'],
      ['Hannah Kim', 'English 9 Teacher'],
    ],
  },
  {
    key: 'lhs-counseling',
    schoolCode: 'LHS',
    name: 'Lakeside Counseling & College Team',
    description: 'Counselors on course performance and a–g progress for Latino students.',
    coach: 'tomas',
    people: [
      ['Olivia Bennett', 'Head Counselor'],
      ['Samuel Ortiz', 'College and Career Counselor'],
      ['Aisha Rahman', 'School Counselor'],
    ],
  },
]

/** Staff who also sit on a second team at their school. */
const EXTRA_TEAM_MEMBERS: readonly { teamKey: string; name: string }[] = [
  { teamKey: 'hms-climate', name: 'Carmen Reyes' },
  { teamKey: 'khs-ninth', name: 'Laura Chen' },
]

export function teamSpec(key: string): TeamSpec {
  const team = TEAMS.find((t) => t.key === key)
  if (!team) throw new Error(`Unknown team ${key}`)
  return team
}

/** The email of a team's n-th person (0 = the lead). */
export function teamPersonEmail(teamKey: string, index: number): string {
  const people = teamSpec(teamKey).people
  const person = people[index % people.length] ?? people[0]
  return emailFor(person?.[0] ?? '')
}

export function teamPersonName(teamKey: string, index: number): string {
  const people = teamSpec(teamKey).people
  return (people[index % people.length] ?? people[0])?.[0] ?? ''
}

export function coachOf(teamKey: string): { name: string; email: string } {
  const [name] = COACHES[teamSpec(teamKey).coach as keyof typeof COACHES]
  return { name, email: emailFor(name) }
}

export function principalOf(schoolCode: string): { name: string; email: string } {
  const [name] = PRINCIPALS[schoolCode] ?? ['', '']
  return { name, email: emailFor(name) }
}

export interface DemoPeople {
  users: DemoUser[]
  memberships: DemoMembership[]
  teams: DemoTeam[]
}

export function buildPeople(): DemoPeople {
  const users: DemoUser[] = []
  const memberships: DemoMembership[] = []
  const addUser = ([name, title]: Person) => {
    const email = emailFor(name)
    if (!users.some((u) => u.email === email)) users.push({ email, name, title })
    return email
  }
  const district = (person: Person, role: DemoMembership['role']) => {
    memberships.push({ userEmail: addUser(person), role, schoolCode: null, teamKey: null })
  }
  district(ADMIN, 'admin')
  district(SUPERINTENDENT, 'district_leader')
  district(EQUITY_DIRECTOR, 'district_leader')
  district(BOARD_MEMBER, 'viewer')
  for (const coach of Object.values(COACHES)) addUser(coach)
  for (const [schoolCode, person] of Object.entries(PRINCIPALS)) {
    memberships.push({ userEmail: addUser(person), role: 'viewer', schoolCode, teamKey: null })
  }
  for (const team of TEAMS) {
    const onTeam = (email: string, role: DemoMembership['role']) => {
      memberships.push({ userEmail: email, role, schoolCode: team.schoolCode, teamKey: team.key })
    }
    onTeam(emailFor(COACHES[team.coach as keyof typeof COACHES][0]), 'coach')
    team.people.forEach((person, i) => {
      onTeam(addUser(person), i === 0 ? 'team_lead' : 'team_member')
    })
  }
  for (const extra of EXTRA_TEAM_MEMBERS) {
    const team = teamSpec(extra.teamKey)
    memberships.push({
      userEmail: emailFor(extra.name),
      role: 'team_member',
      schoolCode: team.schoolCode,
      teamKey: team.key,
    })
  }
  const teams = TEAMS.map(({ key, schoolCode, name, description }) => ({
    key,
    schoolCode,
    name,
    description,
  }))
  return { users, memberships, teams }
}

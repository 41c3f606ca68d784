// One demo sign-in per role, each chosen to open on a screen with something true to show.
import { ADMIN, BOARD_MEMBER, COACHES, EQUITY_DIRECTOR, emailFor, teamPersonEmail } from './people.ts'
import type { DemoSignIn } from './types.ts'

/** The shared password of every demo user. */
export const DEMO_PASSWORD = 'pdsa-demo-2026'

export const DEMO_SIGN_INS: readonly DemoSignIn[] = [
  {
    role: 'Admin',
    email: emailFor(ADMIN[0]),
    note: 'District admin — schools, teams, users and roles, student groups, measures library',
  },
  {
    role: 'District leader',
    email: emailFor(EQUITY_DIRECTOR[0]),
    note: 'Equity director — alignment audit (two seeded misalignments), gaps by school × student group',
  },
  {
    role: 'Coach',
    email: emailFor(COACHES.priya[0]),
    note: 'Coach of 9 teams at 7 schools — stale, overdue and unanswered-feedback cycles',
  },
  {
    role: 'Team lead',
    email: teamPersonEmail('hms-attendance', 0),
    note: 'Harbor Middle attendance team — cycles in every stage, a ramp that narrowed the gap',
  },
  {
    role: 'Team member',
    email: teamPersonEmail('khs-restorative', 1),
    note: 'Kestrel High restorative practices team — conferences instead of suspensions',
  },
  {
    role: 'Viewer',
    email: emailFor(BOARD_MEMBER[0]),
    note: 'Board trustee — read-only view of the whole district',
  },
]

/** The email of the demo sign-in for `role` ("Coach", "Team lead", …). */
export function demoEmail(role: DemoSignIn['role']): string {
  const entry = DEMO_SIGN_INS.find((s) => s.role === role)
  if (!entry) throw new Error(`No demo sign-in for ${role}`)
  return entry.email
}

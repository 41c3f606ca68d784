// Driver-diagram templates (education-data.md §5.3): each goal gets 3–4 primary drivers with 1–3
// secondary drivers each. Change ideas and cycles name secondary drivers by their template key.
import type { DemoDriverNode } from './types.ts'

export const DRIVER_TEMPLATES = {
  attendance: [
    {
      key: 'family',
      title: 'Family partnership and communication',
      secondaries: [
        { key: 'outreach', title: 'Positive, non-punitive outreach after the second absence' },
        { key: 'language', title: 'Two-way communication in the family’s home language' },
      ],
    },
    {
      key: 'belonging',
      title: 'Student belonging and connection',
      secondaries: [
        { key: 'mentor', title: 'A trusted adult checks in with every flagged student' },
        { key: 'morning', title: 'A welcoming start to the school day' },
      ],
    },
    {
      key: 'barriers',
      title: 'Barrier removal (health, transport, housing)',
      secondaries: [
        { key: 'transport', title: 'Reliable ways to get to school' },
        { key: 'health', title: 'Health-office follow-up and return-to-school plans' },
      ],
    },
    {
      key: 'systems',
      title: 'Attendance systems and data use',
      secondaries: [
        { key: 'review', title: 'Weekly attendance team reviews the “approaching chronic” list' },
        { key: 'coding', title: 'Accurate, same-day attendance coding' },
        { key: 'recognition', title: 'Recognition of improved attendance, not only perfect attendance' },
      ],
    },
  ],
  discipline: [
    {
      key: 'responses',
      title: 'Consistent, equitable classroom responses',
      secondaries: [
        { key: 'definitions', title: 'Shared definitions of defiance and disruption' },
        { key: 'deescalation', title: 'De-escalation and reset routines in every classroom' },
      ],
    },
    {
      key: 'alternatives',
      title: 'Alternatives to exclusion',
      secondaries: [
        { key: 'conference', title: 'Restorative conferences repair harm instead of OSS' },
        { key: 'reentry', title: 'Re-entry circles after any removal' },
      ],
    },
    {
      key: 'relationships',
      title: 'Relationships and belonging',
      secondaries: [
        { key: 'acknowledge', title: 'Frequent positive acknowledgement of expected behavior' },
        { key: 'adult', title: 'A trusted adult for students with repeated referrals' },
      ],
    },
    {
      key: 'data',
      title: 'Data review for disproportionality',
      secondaries: [{ key: 'referrals', title: 'Monthly referral review by student group and staff member' }],
    },
  ],
  courses: [
    {
      key: 'monitoring',
      title: 'Timely feedback and progress monitoring',
      secondaries: [
        { key: 'dfreview', title: 'Biweekly D/F review by the grade-level team' },
        { key: 'gradebook', title: 'Gradebooks updated weekly so students see where they stand' },
      ],
    },
    {
      key: 'support',
      title: 'Targeted academic support',
      secondaries: [
        { key: 'tutoring', title: 'Tutoring time inside the school day' },
        { key: 'reteach', title: 'Reteach and retake opportunities' },
      ],
    },
    {
      key: 'agency',
      title: 'Student agency and connection',
      secondaries: [
        { key: 'conferences', title: 'Grade-check conferences with a counselor or advisor' },
        { key: 'goals', title: 'Students set and track course goals' },
      ],
    },
    {
      key: 'access',
      title: 'Access and language support in core classes',
      secondaries: [
        { key: 'scaffolds', title: 'Language scaffolds in every core lesson' },
        { key: 'accommodations', title: 'IEP accommodations implemented in every class' },
      ],
    },
  ],
  literacy: [
    {
      key: 'core',
      title: 'Strong core reading instruction',
      secondaries: [
        { key: 'vocabulary', title: 'Explicit academic vocabulary routines' },
        { key: 'smallgroup', title: 'Daily small-group reading at the student’s level' },
      ],
    },
    {
      key: 'intervention',
      title: 'Targeted intervention',
      secondaries: [
        { key: 'cotaught', title: 'Co-taught intervention blocks (general + special education)' },
        { key: 'progress', title: 'Progress monitoring every two weeks' },
      ],
    },
    {
      key: 'language',
      title: 'Language development',
      secondaries: [
        { key: 'eld', title: 'Daily designated ELD' },
        { key: 'talk', title: 'Structured academic conversation in every subject' },
      ],
    },
    {
      key: 'home',
      title: 'Family literacy partnership',
      secondaries: [{ key: 'reading', title: 'Books and reading routines at home' }],
    },
  ],
} as const

export type DriverTemplate = keyof typeof DRIVER_TEMPLATES
type Primaries<T extends DriverTemplate> = (typeof DRIVER_TEMPLATES)[T][number]
/** "primary.secondary", e.g. "family.outreach". */
export type DriverRef<T extends DriverTemplate = DriverTemplate> = T extends DriverTemplate
  ? { [P in Primaries<T> as P['key']]: `${P['key']}.${P['secondaries'][number]['key']}` }[Primaries<T>['key']]
  : never

export const driverNodeKey = (goalKey: string, ref: string) => `${goalKey}:${ref}`

export function buildDriverDiagram(goalKey: string, template: DriverTemplate): DemoDriverNode[] {
  const nodes: DemoDriverNode[] = []
  DRIVER_TEMPLATES[template].forEach((primary, p) => {
    const primaryKey = driverNodeKey(goalKey, primary.key)
    nodes.push({
      key: primaryKey,
      goalKey,
      parentKey: null,
      kind: 'primary',
      title: primary.title,
      description: '',
      position: p,
    })
    primary.secondaries.forEach((secondary, s) => {
      nodes.push({
        key: driverNodeKey(goalKey, `${primary.key}.${secondary.key}`),
        goalKey,
        parentKey: primaryKey,
        kind: 'secondary',
        title: secondary.title,
        description: '',
        position: s,
      })
    })
  })
  return nodes
}

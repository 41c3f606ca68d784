// Kestrel High: restorative conferences instead of OSS (storyline 2) and the 9th-grade team.
import { KESTREL_RAMP } from '../storylines.ts'
import { fromSis, teamLog } from './links.ts'
import type { IdeaScript } from './script.ts'

const conferenceLog = teamLog(
  'RESTORATIVE_CONF',
  undefined,
  'increase',
  'Tanisha Williams (restorative coordinator)',
  'Gregory Adams',
  {
    qualitative:
      'agreements reached in each conference and whether the student was back in class the same day',
  },
)
const oss = (group?: 'AA') => fromSis('OSS_WEEKLY', group, 'decrease', 'Laura Chen')
const iss = teamLog('ISS_DAYS', undefined, 'decrease', 'Derrick Moore (ISS room log)', 'Laura Chen', {
  definition: 'In-school suspension days assigned this week, including half-day resets after a conference.',
})

const referralAudit: IdeaScript = {
  key: 'khs-referral-audit',
  goalKey: 'khs-susp-aa',
  teamKey: 'khs-restorative',
  title: 'Referral audit: who is sent out for defiance?',
  description:
    'Study a semester of suspensions by category, student group and referring setting before choosing a change.',
  mtssTier: 1,
  drivers: ['data.referrals', 'responses.definitions'],
  cycles: [
    {
      key: 'khs-audit-c1',
      title: 'Semester-one referral and suspension audit',
      scale: 'One semester of suspension records',
      purpose: 'collect_information',
      stage: 'complete',
      timing: { window: KESTREL_RAMP.referralAudit },
      testers: 'Gregory Adams, Laura Chen, Tanisha Williams',
      drivers: ['data.referrals'],
      objective:
        'Learn which behaviors, settings and student groups account for our out-of-school suspensions.',
      hypothesis:
        'Out-of-school suspensions of Black students are driven by subjective categories (defiance, disruption) more than by safety incidents.',
      plan: 'Export every suspension since August with category, days, setting and referring staff; code each as safety or non-safety; compute shares by student group.',
      tasks: [
        { what: 'Export suspension records', who: 3, day: 0 },
        { what: 'Code categories with the deans', who: 0, day: 5, where: 'Deans’ office' },
        { what: 'Summary to the leadership team', who: 1, day: 13 },
      ],
      questions: [
        {
          q: 'What share of OSS for Black students is for defiance or disruption?',
          prediction: 'More than half.',
          result:
            'More than four in five OSS incidents for Black students were for defiance or disruption, against about two in three for other students.',
          learning: 'The disproportion sits in the non-safety categories, where we have discretion.',
          confirmed: 'yes',
        },
        {
          q: 'Do a few settings account for most referrals?',
          prediction: 'Yes, 9th-grade classrooms.',
          result:
            '9th-grade classrooms and the cafeteria accounted for over half of the referrals that ended in OSS.',
          learning: 'Start with 9th grade.',
          confirmed: 'yes',
        },
      ],
      measures: [oss('AA')],
      doNotes:
        'Coding took longer than planned because older records lacked a category. The deans agreed on shared definitions along the way.',
      carriedOutAsPlanned: true,
      study:
        'Non-safety categories drive the gap. The team chose a restorative conference as the alternative to OSS for defiance and disruption, starting with 9th grade.',
      decision: 'adopt',
      spreadPlan: 'Repeat the audit every semester; deans use the shared category definitions from now on.',
      act: 'Adopt the semester audit and the shared definitions. Next: test restorative conferences for 9th-grade defiance referrals.',
    },
  ],
}

const conferences: IdeaScript = {
  key: 'khs-restorative-conference',
  goalKey: 'khs-susp-aa',
  teamKey: 'khs-restorative',
  title: 'Restorative conference instead of OSS for defiance and disruption',
  description:
    'For defiance and disruption referrals that would have ended in out-of-school suspension, the dean holds a restorative conference with the student, the staff member and (when possible) the family. Sometimes a half-day reset in the ISS room follows; the student stays in school.',
  mtssTier: 2,
  evidenceLinks: ['https://www.iirp.edu/', 'https://www.rand.org/pubs/research_reports/RR2840.html'],
  drivers: ['alternatives.conference', 'responses.definitions'],
  cycles: [
    {
      key: 'khs-conf-c1',
      title: 'Restorative conferences — one dean, 9th grade',
      scale: 'One dean (Mr. Adams), 9th-grade defiance referrals',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: KESTREL_RAMP.oneDean },
      testers: 'Gregory Adams, Tanisha Williams',
      drivers: ['alternatives.conference'],
      objective:
        'Learn whether a restorative conference can replace OSS for 9th-grade defiance referrals handled by one dean.',
      hypothesis:
        'Repairing the relationship with the staff member addresses what defiance referrals are usually about, and keeps the student in class.',
      plan: 'Mr. Adams offers a conference for every 9th-grade defiance or disruption referral that reaches him; Tanisha facilitates; the teacher joins at lunch or after school.',
      tasks: [
        { what: 'Conference script and agreement form', who: 1, day: -3 },
        { what: 'Tell 9th-grade teachers about the pilot', who: 0, day: -1 },
        { what: 'Log conferences and outcomes', who: 1, day: 1 },
      ],
      questions: [
        {
          q: 'How many conferences can one dean hold in two weeks?',
          prediction: 'Five or six.',
          result: 'Seven conferences in two weeks; two teachers could not attend and sent notes.',
          learning: 'Teacher availability is the constraint, not the dean’s time.',
          confirmed: 'yes',
        },
        {
          q: 'Will students return to class the same day?',
          prediction: 'Most will.',
          result: 'Six of seven were back in class the same day.',
          learning: 'Conferences keep students in school, which is the point.',
          confirmed: 'yes',
        },
      ],
      measures: [conferenceLog, oss()],
      doNotes:
        'Seven conferences; one family joined by phone. A teacher who at first refused to attend joined the second conference and asked for more.',
      carriedOutAsPlanned: true,
      study:
        'Conferences were feasible and students went back to class. Two weeks with one dean does not change school-wide OSS, as expected.',
      decision: 'adapt',
      act: 'Adapt: bring in all three deans and 10th grade; schedule conferences at a fixed lunch slot so teachers can attend.',
    },
    {
      key: 'khs-conf-c2',
      title: 'Restorative conferences — all deans, grades 9–10',
      scale: 'All three deans, grades 9–10',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: KESTREL_RAMP.allDeans },
      owner: 2,
      testers: 'Gregory Adams, Miguel Hernandez, Laura Chen, Tanisha Williams',
      drivers: ['alternatives.conference', 'responses.definitions'],
      objective: 'Test the conference with all deans and two grades, using a fixed lunch slot.',
      hypothesis:
        'With a fixed slot, teachers can take part and the conference becomes the default response for defiance in grades 9–10.',
      plan: 'Deans route every grade 9–10 defiance or disruption referral that would have meant OSS to a conference at the next lunch slot.',
      tasks: [
        { what: 'Train the other two deans', who: 1, day: -2 },
        { what: 'Lunch conference slot on the calendar', who: 3, day: -1 },
        { what: 'Weekly conference count to leadership', who: 1, day: 4 },
      ],
      questions: [
        {
          q: 'How many conferences will we hold per week?',
          prediction: 'Two to four.',
          quantified: { measure: 'RESTORATIVE_CONF', range: [2, 4], read: 'windowMedian' },
          learning: 'Volume fits the lunch slot.',
        },
        {
          q: 'Will any conference end in OSS anyway?',
          prediction: 'One or two, where safety was involved.',
          result: 'One conference was stopped and ended in OSS after a threat.',
          learning: 'Keep the safety exception explicit.',
          confirmed: 'yes',
        },
      ],
      measures: [conferenceLog, oss()],
      doNotes: 'All three deans used the conference. The lunch slot worked for most teachers.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `Conferences held per week: median ${d.fmt('RESTORATIVE_CONF', d.windowMedian('RESTORATIVE_CONF'))}. OSS per 100 students stayed around ${d.fmt('OSS_WEEKLY', d.windowMedian('OSS_WEEKLY'))} — four weeks with two grades is not enough to tell.`,
      decision: 'adopt',
      spreadPlan:
        'School-wide from the next week: every defiance and disruption referral that would have meant OSS goes to a conference, grades 9–12.',
      act: 'Adopt and implement school-wide.',
    },
    {
      key: 'khs-conf-c3',
      title: 'Restorative conferences — school-wide',
      scale: 'School-wide, grades 9–12',
      purpose: 'implement_a_change',
      stage: 'complete',
      timing: { window: KESTREL_RAMP.schoolwide },
      testers: 'All deans, Tanisha Williams, Laura Chen',
      drivers: ['alternatives.conference', 'responses.definitions'],
      objective:
        'Implement restorative conferences as the school’s response to defiance and disruption, and see whether out-of-school suspensions — of Black students especially — fall.',
      hypothesis:
        'Black students are suspended mostly for subjective, non-safety behavior; replacing OSS for those behaviors cuts their suspensions most and narrows the gap.',
      plan: 'Every defiance or disruption referral that would have meant OSS goes to a restorative conference; safety incidents follow the usual process. Half-day resets in the ISS room when the student needs time before returning.',
      tasks: [
        { what: 'Staff meeting on the new response protocol', who: 3, day: -3, where: 'Theatre' },
        { what: 'Conference log shared with leadership weekly', who: 1, day: 4 },
        { what: 'Monthly review of OSS and ISS by student group', who: 3, day: 28 },
      ],
      questions: [
        {
          q: 'How many out-of-school suspensions per 100 students per week?',
          prediction: 'About half of last semester’s level: below 0.08.',
          quantified: { measure: 'OSS_WEEKLY', range: [0, 0.08], read: 'windowMedian' },
          learning: 'Out-of-school suspensions fell to about half.',
        },
        {
          q: 'Will ISS days rise?',
          prediction: 'Slightly, because of half-day resets.',
          quantified: { measure: 'ISS_DAYS', range: [0.5, 2.5], read: 'windowMedian' },
          learning: 'ISS rose slightly, as predicted: a cost we accept, and watch.',
        },
        {
          q: 'Will conferences become routine?',
          prediction: 'Yes: three or more a week.',
          quantified: { measure: 'RESTORATIVE_CONF', range: [3, 10], read: 'windowMedian' },
        },
      ],
      measures: [oss(), conferenceLog, iss],
      doNotes:
        'Implemented from the last week of February. A few teachers pushed back at first; the lunch slot and the agreement form won most of them over. Two weeks of state testing reduced conferences.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `OSS per 100 students per week: median ${d.fmt('OSS_WEEKLY', d.windowMedian('OSS_WEEKLY'))} during the cycle against ${d.fmt('OSS_WEEKLY', d.baselineMedian('OSS_WEEKLY'))} in the eight weeks before. Suspension rate to date for Black students ended the year at ${d.fmt('SUSP_RATE', d.after('SUSP_RATE', 'AA'))}. Conferences: median ${d.fmt('RESTORATIVE_CONF', d.windowMedian('RESTORATIVE_CONF'))} per week. ISS days rose a little (balancing measure), as expected from half-day resets.`,
      decision: 'adopt',
      spreadPlan:
        'Keep the protocol; train new deans in August; add re-entry circles after any OSS that still happens; share the protocol with Lakeside and the middle schools.',
      act: 'Adopt as the school’s standard response. Next year: re-entry circles, and teacher-student reset conversations before a referral is written.',
      expect: [
        { measureCode: 'OSS_WEEKLY', groupCode: null, verdict: 'improved' },
        { measureCode: 'RESTORATIVE_CONF', groupCode: null, verdict: 'improved' },
      ],
    },
  ],
}

const reentry: IdeaScript = {
  key: 'khs-reentry-circles',
  goalKey: 'khs-susp-aa',
  teamKey: 'khs-restorative',
  title: 'Re-entry circle after any out-of-school suspension',
  description:
    'A short circle with the student, a family member, the dean and a trusted adult on the morning the student returns.',
  mtssTier: 2,
  drivers: ['alternatives.reentry', 'relationships.adult'],
  cycles: [
    {
      key: 'khs-reentry-c1',
      title: 'Re-entry circles — 9th and 10th grade',
      scale: 'Grades 9–10 (students returning from OSS)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { startWeek: -12, weeks: 4 },
      owner: 1,
      testers: 'Tanisha Williams, Miguel Hernandez',
      drivers: ['alternatives.reentry'],
      objective:
        'Test whether a re-entry circle lowers the chance of a second suspension in the following month.',
      hypothesis:
        'Students returning from OSS often come back angry and behind; a circle repairs relationships and sets a plan.',
      plan: 'On the return morning, Tanisha runs a 20-minute circle; the student leaves with a written plan and a check-in adult.',
      tasks: [
        { what: 'Circle protocol and plan template', who: 1, day: -3 },
        { what: 'Schedule circles on return mornings', who: 2, day: 0 },
      ],
      questions: [
        {
          q: 'How many returning students will have a circle on their first morning back?',
          prediction: 'Four out of five.',
          result: '9 of 11 returning students had a circle the first morning; 2 the next day.',
          learning: 'Feasible at this volume.',
          confirmed: 'yes',
        },
        {
          q: 'Will any of them be suspended again within four weeks?',
          prediction: 'At most one.',
          result: 'One student was suspended again (fight off campus).',
          learning: 'The circle did not prevent a safety incident, and was not designed to.',
          confirmed: 'yes',
        },
      ],
      measures: [oss(), conferenceLog],
      doNotes: 'Ran as planned; three families joined in person, four by phone.',
      carriedOutAsPlanned: true,
      study:
        'Circles were feasible and valued by families. Too few returns to see an effect on suspensions in four weeks.',
      decision: 'adopt',
      spreadPlan:
        'Extend to all grades; the restorative coordinator trains one staff member per grade level to co-facilitate.',
      act: 'Adopt and extend to grades 11–12.',
    },
    {
      key: 'khs-reentry-c2',
      title: 'Re-entry circles — all grades',
      scale: 'All grades 9–12',
      purpose: 'implement_a_change',
      stage: 'do',
      timing: { startWeek: -2, weeks: 4 },
      owner: 1,
      testers: 'Tanisha Williams and four grade-level co-facilitators',
      drivers: ['alternatives.reentry', 'relationships.adult'],
      objective: 'Implement re-entry circles for every returning student in all grades.',
      hypothesis:
        'Trained co-facilitators let the circle happen every time, not only when the coordinator is free.',
      plan: 'Four co-facilitators (one per grade) run circles; the coordinator covers absences.',
      tasks: [
        { what: 'Train four co-facilitators', who: 1, day: -5 },
        { what: 'Weekly check of circles held vs returns', who: 1, day: 7 },
      ],
      questions: [
        {
          q: 'What share of returning students will have a circle within one school day?',
          prediction: 'At least 90%.',
        },
        {
          q: 'Will co-facilitators run circles without the coordinator?',
          prediction: 'Yes, after the first two.',
        },
      ],
      measures: [oss(), conferenceLog],
      doNotes: 'First week: four returns, four circles, three run by co-facilitators.',
    },
  ],
}

const teacherReset: IdeaScript = {
  key: 'khs-teacher-reset',
  goalKey: 'khs-susp-aa',
  teamKey: 'khs-restorative',
  title: 'Teacher–student reset conversation before a referral',
  description:
    'Before writing a defiance referral, the teacher has a one-minute private reset with the student using a shared script.',
  mtssTier: 1,
  drivers: ['responses.deescalation'],
  cycles: [
    {
      key: 'khs-reset-c1',
      title: 'Reset conversation — 2 English 10 teachers',
      scale: '2 teachers (English 10)',
      purpose: 'test_a_change',
      stage: 'act',
      timing: { startWeek: -6, weeks: 3 },
      owner: 4,
      testers: 'Two English 10 teachers, Derrick Moore',
      drivers: ['responses.deescalation'],
      objective: 'Test whether a reset conversation prevents defiance referrals in two classrooms.',
      hypothesis:
        'Referrals often follow a public exchange; a private, scripted reset lets the student save face and return to work.',
      plan: 'Two teachers use the reset script; Derrick covers the door when a teacher steps out; both log resets and referrals.',
      tasks: [
        { what: 'Share the script with the two teachers', who: 1, day: -2 },
        { what: 'Reset and referral log', who: 4, day: 0 },
      ],
      questions: [
        {
          q: 'How many resets will end without a referral?',
          prediction: 'Most (three out of four).',
          result: '17 of 21 resets ended without a referral.',
          learning: 'The script works; the hard part is stepping out during a lesson.',
          confirmed: 'yes',
        },
        {
          q: 'Will the two classrooms write fewer referrals than in the three weeks before?',
          prediction: 'Yes, about half as many.',
          result: 'From 9 to 6 referrals: fewer, but not half.',
          learning: 'Some referrals were for other behaviors the reset does not address.',
          confirmed: 'partly',
        },
      ],
      measures: [fromSis('ODR_RATE', 'AA', 'decrease', 'Laura Chen')],
      doNotes: 'Both teachers used the reset daily. Derrick was not always available to cover the door.',
      carriedOutAsPlanned: false,
      study:
        'Resets mostly worked; door coverage was the obstacle. Referral numbers in two classrooms are too small for the school measures.',
      act: 'Leaning toward adapt: pair teachers so neighbours cover each other’s door, and test with the whole English department.',
    },
  ],
}

const ninthGrade: IdeaScript[] = [
  {
    key: 'khs-advisory-checkin',
    goalKey: 'khs-chronic-sed',
    teamKey: 'khs-ninth',
    title: 'Advisory attendance check-ins',
    description: 'Advisory teachers review each student’s attendance with them every two weeks.',
    mtssTier: 1,
    drivers: ['systems.review', 'belonging.mentor'],
    cycles: [
      {
        key: 'khs-advisory-c1',
        title: 'Advisory attendance check-ins — 9th grade',
        scale: '9th-grade advisories (14 advisories)',
        purpose: 'test_a_change',
        stage: 'complete',
        timing: { window: { year: 'Y2', start: 28, weeks: 4 } },
        testers: '9th-grade advisory teachers',
        drivers: ['systems.review'],
        objective:
          'Test whether a biweekly one-on-one attendance conversation in advisory raises attendance of SED 9th graders.',
        hypothesis:
          'Students underestimate how much school they miss; seeing their own numbers prompts change.',
        plan: 'Advisory teachers print each student’s attendance summary and hold a two-minute conversation every other Wednesday.',
        tasks: [
          { what: 'Attendance summaries printed for advisories', who: 0, day: -1 },
          { what: 'Check-in conversations', who: 1, day: 2 },
        ],
        questions: [
          {
            q: 'Will weekly attendance of SED students rise?',
            prediction: 'A little, about one point.',
            quantified: { measure: 'ATTEND_RATE', group: 'SED', range: [92.5, 94.5], read: 'windowMedian' },
            learning: 'No measurable change.',
          },
          {
            q: 'Will advisory teachers hold the conversations?',
            prediction: 'Most will.',
            result: 'About half of the advisories held both rounds; the rest one or none.',
            learning: 'Without protected time the conversations slip.',
            confirmed: 'no',
          },
        ],
        measures: [fromSis('ATTEND_RATE', 'SED', 'increase', 'Patricia Nguyen')],
        doNotes:
          'Spring testing schedule cut two advisory periods; several teachers skipped the second round.',
        carriedOutAsPlanned: false,
        study:
          'The conversations happened in only half the advisories and attendance did not move. Students said the printout felt like a warning.',
        decision: 'abandon',
        act: 'Abandon this version: it felt punitive and advisory time is too thin. Try a positive first-period call instead next year.',
      },
    ],
  },
  {
    key: 'khs-first-period-call',
    goalKey: 'khs-chronic-sed',
    teamKey: 'khs-ninth',
    title: 'First-period success call',
    description:
      'The counselor calls the family of a 9th grader missing from first period by 9:30, with a “we’re saving your seat” message.',
    mtssTier: 2,
    drivers: ['family.outreach', 'belonging.morning'],
    cycles: [
      {
        key: 'khs-call-c1',
        title: 'First-period success call — 20 students',
        scale: '20 SED 9th graders with 3+ first-period absences',
        purpose: 'test_a_change',
        stage: 'complete',
        timing: { startWeek: -10, weeks: 3 },
        testers: 'Patricia Nguyen',
        drivers: ['family.outreach'],
        objective: 'Test whether a same-morning call gets students who miss first period to school that day.',
        hypothesis: 'A warm call while there is still time to come turns a lost day into a late arrival.',
        plan: 'By 9:30 each day, Patricia calls the families of the 20 students missing from first period.',
        tasks: [
          { what: 'Pick the 20 students', who: 0, day: -2 },
          { what: 'Daily calls by 9:30', who: 0, day: 0 },
        ],
        questions: [
          {
            q: 'How many called students will arrive later that day?',
            prediction: 'About a third.',
            result: '14 of 41 calls led to the student arriving by lunch (34%).',
            learning: 'Calls work when a parent is home.',
            confirmed: 'yes',
          },
          {
            q: 'Can one counselor sustain the calls?',
            prediction: 'Yes, for 20 students.',
            result: 'Calls took about 25 minutes a day; two days were missed for meetings.',
            learning: 'Needs a backup caller.',
            confirmed: 'partly',
          },
        ],
        measures: [fromSis('ATTEND_RATE', 'SED', 'increase', 'Patricia Nguyen')],
        doNotes: 'Calls on 13 of 15 days. Several parents thanked us for calling early.',
        carriedOutAsPlanned: false,
        study:
          'A third of calls turned an absence into a late arrival. One counselor cannot be the only caller.',
        decision: 'adapt',
        act: 'Adapt: add the attendance clerk as backup caller and extend to all SED 9th graders with 3+ first-period absences.',
      },
      {
        key: 'khs-call-c2',
        title: 'First-period success call — with backup caller',
        scale: 'All SED 9th graders with 3+ first-period absences (about 60)',
        purpose: 'test_a_change',
        stage: 'do',
        timing: { startWeek: -1, weeks: 3 },
        testers: 'Patricia Nguyen, attendance clerk',
        drivers: ['family.outreach', 'belonging.morning'],
        objective: 'Test the call with a backup caller at three times the scale.',
        hypothesis: 'A second caller keeps the 9:30 deadline every day.',
        plan: 'Patricia and the clerk split the list alphabetically; whoever is free covers the other.',
        tasks: [
          { what: 'Split the list and share the script', who: 0, day: -1 },
          { what: 'Daily calls', who: 0, day: 0 },
        ],
        questions: [
          { q: 'Will calls happen by 9:30 every day?', prediction: 'On at least 13 of 15 days.' },
          {
            q: 'What will weekly attendance of SED students be?',
            prediction: 'About half a point higher than before.',
            quantified: { measure: 'ATTEND_RATE', group: 'SED', range: [92, 95], read: 'windowMedian' },
          },
        ],
        measures: [fromSis('ATTEND_RATE', 'SED', 'increase', 'Patricia Nguyen')],
        doNotes: 'Week 1: calls every day, two after 9:30.',
      },
    ],
  },
]

export const KESTREL_IDEAS: readonly IdeaScript[] = [
  referralAudit,
  conferences,
  reentry,
  teacherReset,
  ...ninthGrade,
  {
    key: 'khs-affinity-mentoring',
    goalKey: 'khs-susp-aa',
    teamKey: 'khs-restorative',
    title: 'Affinity mentoring groups (Brotherhood / Sisterhood)',
    description: 'Weekly affinity groups for Black students led by Black staff and community mentors.',
    mtssTier: 2,
    drivers: ['relationships.adult'],
    cycles: [],
  },
]

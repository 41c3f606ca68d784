// Harbor Middle: the attendance team's ramp (storyline 1) and the climate team's first cycles.
import { round1 } from '../format.ts'
import { HARBOR_RAMP } from '../storylines.ts'
import { fromSis, teamLog } from './links.ts'
import type { CycleData, IdeaScript } from './script.ts'

const gapLine = (d: CycleData) => {
  const before = d.gapBefore('CHRONIC_ABS', 'AA')
  const after = d.gapAfter('CHRONIC_ABS', 'AA')
  if (before === null || after === null) return ''
  return ` The gap to all other students went from ${round1(before)} to ${round1(after)} points.`
}

const contactLog = teamLog(
  'FAMILY_CONTACT_48H',
  undefined,
  'increase',
  'Ana Gutierrez (attendance clerk) and Terrence Jackson (family liaison)',
  'Carmen Reyes at the Tuesday team meeting',
  {
    qualitative: 'what families said was getting in the way, in the liaison’s call notes',
  },
)

const mentoring: IdeaScript = {
  key: 'hms-mentoring',
  goalKey: 'hms-chronic-aa',
  teamKey: 'hms-attendance',
  title: 'Check & Connect mentoring with a family call within 48 hours',
  description:
    'When a student is flagged (second absence in a week, or crossing 10% absent), the family hears from a named adult within 48 hours with a positive, non-punitive message, and the student is matched with a mentor who checks in twice a week. Mentors were matched first with Black students through the family liaison’s network.',
  mtssTier: 2,
  evidenceLinks: ['https://checkandconnect.umn.edu/', 'https://www.attendanceworks.org/'],
  drivers: ['family.outreach', 'belonging.mentor', 'systems.review'],
  cycles: [
    {
      key: 'hms-c1-nudge',
      title: 'Positive attendance text to one family',
      scale: '1 family (a 7th grader on Ms. Reyes’s caseload)',
      purpose: 'develop_a_change',
      stage: 'complete',
      timing: { window: HARBOR_RAMP.nudgeOneFamily },
      testers: 'Carmen Reyes, Terrence Jackson',
      drivers: ['family.outreach'],
      objective:
        'Find out whether a short, warm text from a named adult after the second absence is welcome to a family, and what it takes to send one within 48 hours.',
      hypothesis:
        'Families of students with rising absences mostly hear from school through automated, punitive-sounding calls. A personal, positive message opens a conversation about barriers, which is the first step to getting the student back.',
      plan: 'Terrence drafts the message with the family’s preferred name and language; Carmen approves it. Ana flags the second absence from the morning report; Terrence sends the text the same day and logs the reply.',
      tasks: [
        {
          what: 'Draft the text in English and Spanish; agree on wording',
          who: 1,
          day: -3,
          where: 'Family center',
        },
        { what: 'Set up the flag in the morning attendance report', who: 3, day: -1, where: 'Front office' },
        { what: 'Send the text and log the reply', who: 1, day: 2 },
        { what: 'Debrief at the Tuesday meeting', who: 0, day: 8, where: 'Room 114' },
      ],
      questions: [
        {
          q: 'Will the family reply within two days?',
          prediction: 'Yes — the mother answers texts quickly; we expect a reply the same evening.',
          result: 'The mother replied within three hours and asked for a call.',
          learning: 'A personal text got a faster answer than any robocall this year.',
          confirmed: 'yes',
        },
        {
          q: 'Can we send the text within 48 hours of the second absence?',
          prediction: 'Yes, if the flag shows up on the morning report.',
          result:
            'Sent 30 hours after the absence; the flag came a day late because the absence was coded in the afternoon.',
          learning: 'Afternoon coding delays the flag: we need the report to run at noon too.',
          confirmed: 'partly',
        },
      ],
      measures: [contactLog],
      doNotes:
        'Sent the text on day 2. The mother called back that evening: her son was staying home to watch his little sister when the daycare closed early. Terrence connected her with the district’s childcare list. The student was back the next morning.',
      carriedOutAsPlanned: true,
      study:
        'The family welcomed the text and named a barrier we could act on. One family is not a trend, but the conversation would never have happened with the automated call. The 48-hour window is tight when absences are coded late.',
      decision: 'adapt',
      act: 'Adapt: keep the personal outreach, add a mentor for the student, and try it with ten students. Ask the office to run the flag report at noon as well as in the morning.',
      expect: [{ measureCode: 'FAMILY_CONTACT_48H', groupCode: null, verdict: 'no signal' }],
    },
    {
      key: 'hms-c2-mentor-10',
      title: 'Check & Connect mentoring — 10 Black students',
      scale: '10 students (Black students with 2+ absences, grades 6–8)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: HARBOR_RAMP.mentorTen },
      testers: 'Terrence Jackson, Mei Lin, David Okoye',
      drivers: ['belonging.mentor', 'family.outreach'],
      objective:
        'Test whether twice-weekly mentor check-ins plus a 48-hour family call keep ten flagged Black students coming to school.',
      hypothesis:
        'Students who feel that one adult notices when they are gone come more often (Check & Connect). Pairing the check-in with a positive family call gets the family working with us rather than against us.',
      plan: 'Three mentors take three or four students each: a check-in before first period on Tuesdays and Thursdays, a family call within 48 hours of any absence. Mei keeps the caseload list; Terrence makes the family calls.',
      tasks: [
        { what: 'Pick the ten students from the flag list with Mei', who: 0, day: -2 },
        { what: 'Introduce mentors to students and families', who: 1, day: 1 },
        { what: 'Check-in log in the shared sheet', who: 2, day: 1 },
        { what: 'Review attendance of the ten at the Tuesday meeting', who: 0, day: 8 },
      ],
      questions: [
        {
          q: 'Will mentors manage two check-ins a week with every student?',
          prediction: 'Yes for at least 8 of the 10.',
          result: 'Check-ins happened for 9 of 10 students; one student was absent on both days in week 2.',
          learning: 'The schedule is sustainable at 3–4 students per mentor.',
          confirmed: 'yes',
        },
        {
          q: 'How many of the ten will miss 2+ days in week 2?',
          prediction: 'No more than 3 (it was 10 of 10 when we picked them).',
          result: 'Four of the ten missed two or more days in week 2; two had not missed any.',
          learning:
            'Two weeks is too short to see the change in attendance for students who were already far behind.',
          confirmed: 'partly',
        },
      ],
      measures: [{ ...contactLog, group: 'AA' }],
      doNotes:
        'Went as planned. Two families asked for the mentor’s number. One student said the check-in was the first time an adult had asked why he was missing school. David struggled to get to the before-school check-in on Thursdays (duty schedule).',
      carriedOutAsPlanned: true,
      study:
        'Students and families responded well and the mentors kept up. Attendance of the ten improved for some and not for others; two weeks is short. Nothing in the school-wide measures moved, which we expected at this scale.',
      decision: 'adapt',
      act: 'Adapt: grow to 40 students (Black and SED students on the flag list, Black students first), move David’s check-ins to lunch, and keep the family call within 48 hours.',
    },
    {
      key: 'hms-c3-mentor-40',
      title: 'Check & Connect mentoring — 40 students',
      scale: '40 students (Black and SED students on the flag list)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: HARBOR_RAMP.mentorForty },
      testers: 'Terrence Jackson, Mei Lin, David Okoye, 5 teacher volunteers',
      drivers: ['belonging.mentor', 'family.outreach', 'systems.review'],
      objective: 'Test whether the mentoring and 48-hour call hold up with 40 students and eight mentors.',
      hypothesis:
        'With a shared flag list and a fixed call script, volunteers can run the change as well as the core team did with ten.',
      plan: 'Recruit five teacher volunteers; a 30-minute training with the call script; caseloads of five. Ana sends the flag list at noon; Terrence makes sure every flagged family hears from someone within 48 hours.',
      tasks: [
        { what: 'Recruit and train five teacher mentors', who: 0, day: -4, where: 'Library' },
        { what: 'Noon flag report to all mentors', who: 3, day: 0 },
        { what: 'Track 48-hour contacts in the log', who: 1, day: 1 },
        { what: 'Mid-cycle check on caseloads', who: 2, day: 7 },
      ],
      questions: [
        {
          q: 'What share of flagged students will have a family contact within 48 hours?',
          prediction: 'About half, up from one in five before we started.',
          quantified: { measure: 'FAMILY_CONTACT_48H', range: [40, 60], read: 'windowMedian' },
          learning: 'Volunteers make the calls when the list reaches them by noon.',
        },
        {
          q: 'Will volunteer mentors keep up with check-ins?',
          prediction: 'Most will; we expect one or two caseloads to slip.',
          result: 'Two of five volunteers missed several check-ins during the field-trip week.',
          learning: 'Pair each volunteer with a backup.',
          confirmed: 'yes',
        },
      ],
      measures: [contactLog, fromSis('ATTEND_RATE', 'AA', 'increase', 'Mei Lin')],
      doNotes:
        'Training took 30 minutes. The noon report made the 48-hour window realistic. Field-trip week disrupted two caseloads. Families often mentioned transportation and caring for siblings.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `The 48-hour contact rate rose to a median of ${d.fmt('FAMILY_CONTACT_48H', d.windowMedian('FAMILY_CONTACT_48H'))} over the cycle (from ${d.fmt('FAMILY_CONTACT_48H', d.baselineMedian('FAMILY_CONTACT_48H'))} in the weeks before). Students with a mentor missed fewer days than in the weeks before they joined. Ready to test with a whole grade.`,
      decision: 'adopt',
      spreadPlan:
        'Spread to every flagged Black and SED student in grade 7 next cycle (the grade with the most chronic absence), with the 7th-grade teachers as mentors; then school-wide if it holds.',
      act: 'Adopt for the 40 and test it grade-wide in 7th grade. Keep the noon flag report and backup mentors.',
    },
    {
      key: 'hms-c4-mentor-grade7',
      title: 'Check & Connect mentoring — grade-wide in 7th grade',
      scale: 'Grade-wide: every flagged Black and SED 7th grader',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: HARBOR_RAMP.mentorGradeSeven },
      lagDays: 14,
      testers: '7th-grade team (6 teachers), Terrence Jackson, Mei Lin',
      drivers: ['belonging.mentor', 'family.outreach', 'systems.review'],
      objective: 'Test the change with a whole grade-level team running it inside advisory.',
      hypothesis:
        'Running the check-ins inside advisory makes the change part of the 7th-grade team’s routine rather than extra duty, so it reaches every flagged student.',
      plan: 'Each 7th-grade advisory teacher mentors the flagged students in their advisory. The team reviews the flag list every Tuesday in its PLC. Terrence covers family calls the teachers cannot make within 48 hours.',
      tasks: [
        { what: 'Walk the 7th-grade PLC through the routine', who: 0, day: -3 },
        { what: 'Add the flag list to the PLC agenda', who: 2, day: 0 },
        { what: 'Weekly 48-hour contact count to the team', who: 3, day: 4 },
      ],
      questions: [
        {
          q: 'What share of flagged students school-wide will get a family contact within 48 hours?',
          prediction: 'Around 65% (7th grade near 90%, other grades still lower).',
          quantified: { measure: 'FAMILY_CONTACT_48H', value: 65, tolerance: 8, read: 'windowMedian' },
          learning: 'Grade-level ownership works; the other grades are now the bottleneck.',
        },
        {
          q: 'Will chronic absence to date for Black students stop rising?',
          prediction: 'It will hold flat instead of climbing through the winter as it did last year.',
          quantified: { measure: 'CHRONIC_ABS', group: 'AA', range: [24, 32] },
          learning: 'Holding flat through the winter is already a change from last year’s climb.',
        },
      ],
      measures: [
        contactLog,
        fromSis('CHRONIC_ABS', 'AA', 'decrease', 'Mei Lin and Carmen Reyes', {
          qualitative: 'mentors’ notes on what students say about coming to school',
        }),
      ],
      doNotes:
        'All six advisory teachers ran the check-ins; two needed reminders in the first week. Winter break fell in the middle, and the team restarted the flag list the first Monday back.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `Family contact within 48 hours held at a median of ${d.fmt('FAMILY_CONTACT_48H', d.windowMedian('FAMILY_CONTACT_48H'))} school-wide. Chronic absence to date for Black students was ${d.fmt('CHRONIC_ABS', d.after('CHRONIC_ABS', 'AA'))} at the end of the cycle (${d.fmt('CHRONIC_ABS', d.before('CHRONIC_ABS', 'AA'))} before) — flat through the winter, when last year it climbed.`,
      decision: 'adopt',
      spreadPlan:
        'Spread to all grades from the start of semester 2: every advisory teacher mentors the flagged Black and SED students in their advisory, with the same noon list and 48-hour call.',
      act: 'Adopt and take it school-wide in semester 2.',
      expect: [{ measureCode: 'FAMILY_CONTACT_48H', groupCode: null, verdict: 'improved' }],
    },
    {
      key: 'hms-c5-mentor-schoolwide',
      title: 'Check & Connect mentoring — school-wide',
      scale: 'School-wide: every flagged Black and SED student, grades 6–8',
      purpose: 'implement_a_change',
      stage: 'complete',
      timing: { window: HARBOR_RAMP.mentorSchoolwide },
      lagDays: 14,
      testers: 'All advisory teachers, Terrence Jackson, Mei Lin, Ana Gutierrez',
      drivers: ['belonging.mentor', 'family.outreach', 'systems.review'],
      objective:
        'Implement the mentoring and 48-hour family call in every advisory and see whether chronic absence for Black students falls and the gap narrows.',
      hypothesis:
        'If every flagged student has a mentor and every flagged family hears from us within 48 hours, chronic absence falls most for the students who were flagged most: Black and SED students.',
      plan: 'Every advisory teacher mentors the flagged students in their advisory. The attendance team checks the 48-hour log weekly and follows up on any family not reached. Monthly review of chronic absence by student group.',
      tasks: [
        { what: 'Staff meeting: the routine and the call script', who: 0, day: -2, where: 'Library' },
        { what: 'Noon flag list to every advisory teacher', who: 3, day: 0 },
        { what: 'Monthly chronic-absence review by group', who: 2, day: 28 },
        { what: 'Survey mentors on workload', who: 4, day: 56 },
      ],
      questions: [
        {
          q: 'What will chronic absence to date be for Black students at the end of the cycle?',
          prediction: (d) =>
            `Between 22% and 28% by the end of the cycle — down from ${d.fmt('CHRONIC_ABS', d.before('CHRONIC_ABS', 'AA'))} now.`,
          quantified: { measure: 'CHRONIC_ABS', group: 'AA', range: [22, 28] },
          learning: 'The change moved the students it was designed for.',
        },
        {
          q: 'Will the gap to all other students narrow?',
          prediction: (d) =>
            `Yes, from about ${Math.round(d.gapBefore('CHRONIC_ABS', 'AA') ?? 14)} points now to under 9.`,
          result: (d) => {
            const after = d.gapAfter('CHRONIC_ABS', 'AA')
            return after === null
              ? 'No gap value in the window.'
              : `The gap was ${round1(after)} points at the end of the cycle.`
          },
          learning:
            'Matching mentors to Black students first is what narrowed the gap; SED students improved too, but less.',
          confirmed: 'yes',
        },
        {
          q: 'Will tardies rise as students who used to stay home come in late?',
          prediction: 'No — tardies stay within last year’s range.',
          quantified: { measure: 'TARDY_RATE', range: [2.2, 3.2], read: 'windowMedian' },
          learning: 'No sign of absences turning into tardies.',
        },
      ],
      measures: [
        fromSis('CHRONIC_ABS', 'AA', 'decrease', 'Mei Lin and Carmen Reyes'),
        fromSis('ATTEND_RATE', 'AA', 'increase', 'Mei Lin'),
        contactLog,
        fromSis('TARDY_RATE', undefined, 'decrease', 'Carmen Reyes', {
          qualitative: 'teachers’ comments on late arrivals',
        }),
      ],
      doNotes:
        'Ran in every advisory from the first week of semester 2. Three advisory teachers on leave were covered by Terrence and Mei. Families increasingly called the liaison themselves. Spring break and state testing week reduced check-ins.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `Chronic absence to date for Black students fell from ${d.fmt('CHRONIC_ABS', d.before('CHRONIC_ABS', 'AA'))} to ${d.fmt('CHRONIC_ABS', d.after('CHRONIC_ABS', 'AA'))}.${gapLine(d)} Weekly attendance for Black students rose to a median of ${d.fmt('ATTEND_RATE', d.windowMedian('ATTEND_RATE', 'AA'))}. Tardies stayed in their usual range (balancing measure). Family contact within 48 hours held near ${d.fmt('FAMILY_CONTACT_48H', d.windowMedian('FAMILY_CONTACT_48H'))}.`,
      decision: 'adopt',
      spreadPlan:
        'Sustain: mentoring and the 48-hour call are now part of the advisory handbook. Next year, start in August with incoming 6th graders flagged from their 5th-grade attendance. Share the routine with Juniper and Iris Hill through the district attendance network.',
      act: 'Adopt as standard practice. Next cycle: start earlier next year with incoming 6th graders.',
      expect: [
        { measureCode: 'CHRONIC_ABS', groupCode: 'AA', verdict: 'improved', gap: 'narrowed' },
        { measureCode: 'FAMILY_CONTACT_48H', groupCode: null, verdict: 'improved' },
        { measureCode: 'TARDY_RATE', groupCode: null, verdict: 'no signal' },
      ],
    },
    {
      key: 'hms-c6-sixth-grade',
      title: 'Mentoring from August for incoming 6th graders',
      scale: 'Incoming 6th graders with 10%+ absence in 5th grade (31 students)',
      purpose: 'implement_a_change',
      stage: 'complete',
      timing: { startWeek: -11, weeks: 4 },
      testers: '6th-grade advisory teachers, Terrence Jackson',
      drivers: ['belonging.mentor', 'systems.review'],
      objective:
        'Start mentoring in the first week of school for 6th graders who were chronically absent in 5th grade, instead of waiting for them to be flagged.',
      hypothesis:
        'The first weeks of middle school set the pattern; a mentor from day one prevents the slide instead of reacting to it.',
      plan: 'Pull 5th-grade attendance from the feeder schools; match each student with a 6th-grade advisory mentor before the first day; welcome call to every family in the first week.',
      tasks: [
        { what: 'Pull 5th-grade attendance for incoming students', who: 3, day: -12 },
        { what: 'Match mentors and send welcome letters', who: 1, day: -5 },
        { what: 'Welcome calls in week 1', who: 1, day: 3 },
      ],
      questions: [
        {
          q: 'How many of the 31 will be flagged in the first four weeks?',
          prediction: 'Fewer than 10.',
          result: 'Seven of the 31 were flagged at least once.',
          learning: 'Starting before the first flag works for most incoming students.',
          confirmed: 'yes',
        },
        {
          q: 'Will every family get a welcome call in week 1?',
          prediction: 'Yes.',
          result: '28 of 31 families reached in week 1; the other three in week 2.',
          learning: 'Three numbers were out of date; ask feeder schools for updated contacts in June.',
          confirmed: 'partly',
        },
      ],
      measures: [contactLog, fromSis('CHRONIC_ABS', 'AA', 'decrease', 'Mei Lin')],
      doNotes:
        'Ran as planned. Feeder-school data arrived a week late, so matching happened the week before school instead of two weeks before.',
      carriedOutAsPlanned: true,
      study:
        'Most incoming students with a history of absence were not flagged in the first month. Phone numbers from the feeder schools need checking in June.',
      decision: 'adopt',
      spreadPlan:
        'Make the August hand-off from feeder schools part of the transition calendar; share with Juniper and Iris Hill.',
      act: 'Adopt; build the June contact update into the transition calendar.',
    },
  ],
}

const homeLanguage: IdeaScript = {
  key: 'hms-home-language-texts',
  goalKey: 'hms-chronic-sed',
  teamKey: 'hms-attendance',
  title: 'Attendance texts in the family’s home language',
  description:
    'Weekly positive attendance updates by text in Spanish, Tongan and Vietnamese for families of SED students with 5–10% absence.',
  mtssTier: 1,
  drivers: ['family.language', 'family.outreach'],
  cycles: [
    {
      key: 'hms-lang-c1',
      title: 'Home-language attendance texts — 2 advisories',
      scale: '2 advisories (58 students; 19 SED families in the 5–10% band)',
      purpose: 'test_a_change',
      stage: 'act',
      timing: { startWeek: -6, weeks: 3 },
      testers: 'Terrence Jackson, two 8th-grade advisory teachers',
      drivers: ['family.language'],
      objective:
        'Test whether a weekly text in the family’s language keeps students in the “approaching” band from becoming chronically absent.',
      hypothesis:
        'Families who get attendance news only in English miss it; a short weekly note in their language keeps attendance on their radar before it becomes a problem.',
      plan: 'Every Friday, Terrence sends a two-line text with the week’s attendance and one positive note from the advisory teacher, using the translation templates.',
      tasks: [
        { what: 'Translate the templates (Spanish, Tongan, Vietnamese)', who: 1, day: -6 },
        { what: 'Send the Friday texts', who: 1, day: 4 },
        { what: 'Log replies and questions', who: 3, day: 5 },
      ],
      questions: [
        {
          q: 'How many of the 19 families will reply at least once?',
          prediction: 'About half.',
          result: '12 of 19 replied at least once; four asked follow-up questions about grades.',
          learning: 'Families engage when it is in their language; grades came up more than attendance.',
          confirmed: 'yes',
        },
        {
          q: 'Will any of the 19 students cross into chronic absence during the three weeks?',
          prediction: 'At most two.',
          result: 'Three students crossed 10%; two of them were out sick for most of a week.',
          learning: 'Illness absences need the health-office follow-up, not a text.',
          confirmed: 'no',
        },
      ],
      measures: [fromSis('AT_RISK_ABS', 'SED', 'decrease', 'Mei Lin'), contactLog],
      doNotes:
        'Texts went out all three Fridays. The Tongan template needed a second translator. Two families asked to switch to WhatsApp.',
      carriedOutAsPlanned: true,
      study:
        'Families replied and liked the texts. Attendance of the students in the band did not change in three weeks; illness drove most of the new chronic cases.',
      act: 'Leaning toward adapt: keep the texts but pair them with the health-office follow-up for illness absences. Decide on Thursday.',
    },
  ],
}

const buddies: IdeaScript = {
  key: 'hms-peer-buddies',
  goalKey: 'hms-chronic-sed',
  teamKey: 'hms-attendance',
  title: 'Peer attendance buddies in 8th-grade advisory',
  description: 'Students pair up in advisory and check on each other’s attendance and missed work.',
  mtssTier: 1,
  drivers: ['belonging.morning'],
  cycles: [
    {
      key: 'hms-buddies-c1',
      title: 'Peer attendance buddies — 3 advisories',
      scale: '3 advisories in grade 8 (84 students)',
      purpose: 'test_a_change',
      stage: 'study',
      timing: { startWeek: -4, weeks: 3 },
      owner: 4,
      testers: 'David Okoye and two 8th-grade advisory teachers',
      drivers: ['belonging.morning'],
      objective:
        'Test whether student buddies who notice and follow up on absences improve attendance in the advisory.',
      hypothesis:
        'A peer who notices you are gone, and who saves you the notes, is a reason to come back that adults cannot provide.',
      plan: 'Buddies chosen by students; a two-minute check on Monday and Thursday; buddies collect missed work.',
      tasks: [
        { what: 'Students choose buddies', who: 4, day: 0, where: 'Advisory' },
        { what: 'Buddy check every Monday and Thursday', who: 4, day: 3 },
      ],
      questions: [
        {
          q: 'What will weekly attendance of SED students be over the three weeks?',
          prediction: 'Slightly higher than before, around 94%.',
          quantified: { measure: 'ATTEND_RATE', group: 'SED', range: [93, 95.5], read: 'windowMedian' },
        },
        {
          q: 'Will students keep doing the buddy checks without reminders?',
          prediction: 'In the first week yes, then it will fade without a reminder.',
        },
      ],
      measures: [
        fromSis('ATTEND_RATE', 'SED', 'increase', 'David Okoye', {
          qualitative: 'a two-question student exit ticket',
        }),
      ],
      doNotes:
        'Ran in all three advisories. By week 3 most pairs needed the teacher to prompt the check. Students liked collecting missed work for each other.',
      carriedOutAsPlanned: false,
    },
  ],
}

const huddle: IdeaScript = {
  key: 'hms-welcome-back',
  goalKey: 'hms-chronic-aa',
  teamKey: 'hms-attendance',
  title: 'Welcome-back huddle after a 3+ day absence',
  description:
    'A five-minute huddle with the counselor on the morning a student returns from three or more days out: catch-up plan, who to see, and a warm welcome.',
  mtssTier: 2,
  drivers: ['belonging.mentor', 'barriers.health'],
  cycles: [
    {
      key: 'hms-huddle-c1',
      title: 'Welcome-back huddle — 2 advisories',
      scale: '2 advisories (grade 6)',
      purpose: 'test_a_change',
      stage: 'do',
      timing: { startWeek: -1, weeks: 3 },
      owner: 2,
      testers: 'Mei Lin',
      drivers: ['belonging.mentor'],
      objective: 'Test whether a welcome-back huddle prevents a second long absence in the following weeks.',
      hypothesis:
        'Students who come back to a pile of missed work and no plan are more likely to stay home again; a plan and a welcome lower that barrier.',
      plan: 'Ana tells Mei when a student from the two advisories returns after 3+ days; Mei meets the student before second period with a one-page catch-up plan.',
      tasks: [
        { what: 'Make the one-page catch-up plan template', who: 2, day: -3 },
        { what: 'Daily returns list to Mei', who: 3, day: 0 },
        { what: 'Huddles and notes', who: 2, day: 1 },
      ],
      questions: [
        {
          q: 'How many returning students will have a huddle on the day they return?',
          prediction: 'At least 4 of 5.',
        },
        {
          q: 'How many huddled students will miss another 3+ days within three weeks?',
          prediction: 'None or one.',
        },
      ],
      measures: [fromSis('ATTEND_RATE', 'AA', 'increase', 'Mei Lin')],
      doNotes:
        'Week 1: three students returned after 3+ days; all three had a huddle before second period. One asked to keep the plan on her phone.',
    },
  ],
}

const busPasses: IdeaScript = {
  key: 'hms-bus-passes',
  goalKey: 'hms-chronic-sed',
  teamKey: 'hms-attendance',
  title: 'Bus passes for students with transportation barriers',
  description:
    'Monthly transit passes for students whose families named transportation as the reason for absences.',
  mtssTier: 2,
  drivers: ['barriers.transport'],
  cycles: [
    {
      key: 'hms-bus-c1',
      title: 'Bus-pass pilot — 5 students',
      scale: '5 students whose families named transportation in outreach calls',
      purpose: 'test_a_change',
      stage: 'plan',
      timing: { startWeek: 1, weeks: 3 },
      owner: 1,
      testers: 'Terrence Jackson',
      drivers: ['barriers.transport'],
      objective:
        'Find out whether a transit pass removes the barrier for students who miss school when a ride falls through.',
      hypothesis:
        'For some families the barrier is simply getting there; a pass gives the student a reliable way in.',
      plan: 'Terrence gives passes to five students the family liaison identified; students log how they got to school each day for three weeks.',
      tasks: [
        { what: 'Request passes from the district transportation office', who: 1, day: -6 },
        { what: 'Call the five families to explain the pilot', who: 1, day: -2 },
        { what: 'Travel log sheet for students', who: 3, day: -1 },
      ],
      questions: [
        {
          q: 'How many days will the five students use the bus?',
          prediction: 'Most school days, when a ride falls through.',
        },
        {
          q: 'Will the five miss fewer days than in the three weeks before?',
          prediction: 'Yes, about half as many days.',
        },
      ],
      measures: [
        fromSis('ATTEND_RATE', 'SED', 'increase', 'Terrence Jackson', {
          qualitative: 'students’ daily travel log',
        }),
      ],
    },
  ],
}

const harborAttendanceIdeas: IdeaScript[] = [
  mentoring,
  homeLanguage,
  buddies,
  huddle,
  busPasses,
  {
    key: 'hms-most-improved',
    goalKey: 'hms-chronic-aa',
    teamKey: 'hms-attendance',
    title: 'Most-improved attendance shout-outs in advisory',
    description: 'Recognise improvement, not only perfect attendance.',
    mtssTier: 1,
    drivers: ['systems.recognition'],
    cycles: [],
  },
]

const resets: IdeaScript = {
  key: 'hms-hallway-reset',
  goalKey: 'hms-susp-aa',
  teamKey: 'hms-climate',
  title: 'Hallway reset conversation before a referral',
  description:
    'A two-minute private reset conversation in the hallway, with a script, before a teacher writes a referral for defiance.',
  mtssTier: 1,
  drivers: ['responses.deescalation', 'responses.definitions'],
  cycles: [
    {
      key: 'hms-reset-c1',
      title: 'Hallway reset conversation — 3 teachers',
      scale: '3 teachers (8th-grade ELA, math and science)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { startWeek: -10, weeks: 3 },
      owner: 0,
      testers: 'Malik Johnson and two 8th-grade teachers',
      drivers: ['responses.deescalation'],
      objective:
        'Test whether a scripted reset conversation reduces defiance referrals from three classrooms.',
      hypothesis:
        'Many defiance referrals come from a public power struggle; a private reset lets both sides step back before it escalates.',
      plan: 'Sofia trains the three teachers on the reset script; they log every reset and whether a referral followed.',
      tasks: [
        { what: 'Reset script and 20-minute training', who: 2, day: -4 },
        { what: 'Reset log in the classroom', who: 1, day: 0 },
        { what: 'Debrief with the three teachers', who: 0, day: 18 },
      ],
      questions: [
        {
          q: 'What share of resets will end without a referral?',
          prediction: 'Three out of four.',
          result: '31 resets logged; 25 ended without a referral (81%).',
          learning: 'The script works when the teacher can step out; harder during labs.',
          confirmed: 'yes',
        },
        {
          q: 'Will referrals from the three classrooms fall?',
          prediction: 'Yes, by about a third.',
          result:
            'Referrals from the three classrooms went from 14 to 9 over three weeks compared with the three weeks before.',
          learning: 'A real drop, but small numbers.',
          confirmed: 'partly',
        },
      ],
      measures: [
        fromSis('ODR_RATE', 'AA', 'decrease', 'Nicole Harper', { qualitative: 'teachers’ reset log' }),
      ],
      doNotes:
        'Two of the three teachers used the script daily; the science teacher found it hard during labs and used it less.',
      carriedOutAsPlanned: false,
      study:
        'Resets mostly ended without a referral; referrals from the three classrooms fell. The lab setting needs a different version.',
      decision: 'adapt',
      act: 'Adapt: add a “reset corner” option for lab classes and test with the whole 8th-grade team.',
    },
    {
      key: 'hms-reset-c2',
      title: 'Hallway reset and reset corner — 8th-grade team',
      scale: '8th-grade team (7 teachers)',
      purpose: 'test_a_change',
      stage: 'study',
      timing: { startWeek: -3, weeks: 2 },
      owner: 0,
      testers: '8th-grade team',
      drivers: ['responses.deescalation'],
      objective: 'Test the adapted reset (conversation or reset corner) across the 8th-grade team.',
      hypothesis: 'Giving lab teachers a reset corner keeps the routine usable in every room.',
      plan: 'Same script plus a reset corner in the two lab rooms; every teacher logs resets.',
      tasks: [
        { what: 'Set up reset corners in labs', who: 1, day: -2 },
        { what: 'Team training at PLC', who: 0, day: -1 },
      ],
      questions: [
        {
          q: 'What will the referral rate for Black students be during the two weeks?',
          prediction: 'Lower than before, around 0.5 per 100 students per day.',
          quantified: { measure: 'ODR_RATE', group: 'AA', range: [0.3, 0.7], read: 'windowMedian' },
        },
        { q: 'Will every teacher log at least one reset a week?', prediction: 'Six of seven will.' },
      ],
      measures: [fromSis('ODR_RATE', 'AA', 'decrease', 'Nicole Harper')],
      doNotes: 'All seven teachers logged resets; the reset corner was used 11 times in the labs.',
      carriedOutAsPlanned: true,
    },
  ],
}

const referralReview: IdeaScript = {
  key: 'hms-referral-review',
  goalKey: 'hms-susp-aa',
  teamKey: 'hms-climate',
  title: 'Monthly referral review by student group',
  description:
    'The climate team reviews referrals and suspensions by student group, location, time and referring staff member every month.',
  mtssTier: 1,
  drivers: ['data.referrals'],
  cycles: [
    {
      key: 'hms-review-c1',
      title: 'First referral review by student group',
      scale: 'One month of referrals (grades 6–8)',
      purpose: 'collect_information',
      stage: 'complete',
      timing: { startWeek: -9, weeks: 4 },
      owner: 0,
      testers: 'Nicole Harper, Sofia Ramirez',
      drivers: ['data.referrals'],
      objective: 'Understand where, when and for what Black students are referred, before choosing a change.',
      hypothesis:
        'Referrals for Black students concentrate in a few settings and subjective categories; seeing that tells us where to act.',
      plan: 'Export a month of referrals; tag each by category (objective/subjective), location, period and staff member; share the summary at the staff meeting.',
      tasks: [
        { what: 'Export referrals from the SIS', who: 0, day: 0 },
        { what: 'Tag categories and locations', who: 2, day: 7 },
        { what: 'Present at staff meeting', who: 0, day: 25, where: 'Library' },
      ],
      questions: [
        {
          q: 'What share of referrals of Black students are for subjective categories (defiance, disrespect, disruption)?',
          prediction: 'About 60%.',
          result: '68% of referrals of Black students were subjective, against 44% for other students.',
          learning: 'The disproportion is mostly in subjective categories.',
          confirmed: 'partly',
        },
        {
          q: 'Where do referrals happen?',
          prediction: 'Mostly in classrooms in the afternoon.',
          result: 'Classrooms in periods 5–6 and the hallway after lunch.',
          learning: 'Target the afternoon and the post-lunch transition.',
          confirmed: 'yes',
        },
      ],
      measures: [fromSis('ODR_RATE', 'AA', 'decrease', 'Nicole Harper')],
      doNotes: 'Done as planned; the staff meeting discussion was uncomfortable but productive.',
      carriedOutAsPlanned: true,
      study:
        'Black students’ referrals are concentrated in subjective categories, in the afternoon and after lunch. This pointed the team to the reset conversation.',
      decision: 'adopt',
      spreadPlan:
        'Make the review a standing item on the first climate-team meeting of each month; share the one-page summary with staff.',
      act: 'Adopt the monthly review; start testing the hallway reset.',
    },
  ],
}

export const HARBOR_IDEAS: readonly IdeaScript[] = [...harborAttendanceIdeas, resets, referralReview]

// Lakeside High: biweekly D/F review and a targeted tutoring block (storyline 3), and the
// counseling team (including a first cycle run at full scale).
import { LAKESIDE_RAMP } from '../storylines.ts'
import { fromSis, teamLog } from './links.ts'
import type { IdeaScript } from './script.ts'

const gradebook = (group?: 'EL' | 'SWD') =>
  teamLog('DF9_WEEKLY', group, 'decrease', 'Daniel Park (Friday gradebook export)', 'the 9th-grade PLC', {
    schedule: 'every Friday from the gradebook export',
  })
const tutoringLog = (group?: 'EL' | 'SWD') =>
  teamLog(
    'TUTORING_ATTEND',
    group,
    'increase',
    'Maria Santos and Rebecca Goldberg (tutoring sign-in)',
    'Daniel Park',
    {
      qualitative: 'what students worked on in the tutoring block',
    },
  )

const dfReview: IdeaScript = {
  key: 'lhs-df-review',
  goalKey: 'lhs-ontrack-el',
  teamKey: 'lhs-ontrack',
  title: 'Biweekly D/F review in the 9th-grade PLC',
  description:
    'Every other week the 9th-grade team reviews the list of students with a D or F in a core course, names one adult to follow up with each student, and refers students to tutoring.',
  mtssTier: 1,
  evidenceLinks: ['https://consortium.uchicago.edu/publications/freshman-year-make-or-break-year'],
  drivers: ['monitoring.dfreview', 'monitoring.gradebook'],
  cycles: [
    {
      key: 'lhs-review-c1',
      title: 'Biweekly D/F review — Algebra 1 PLC',
      scale: 'Algebra 1 PLC (4 teachers, about 380 students)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: LAKESIDE_RAMP.reviewAlgebra },
      testers: 'Daniel Park and the Algebra 1 teachers',
      drivers: ['monitoring.dfreview'],
      objective:
        'Find out whether a 20-minute biweekly review of the D/F list leads to a follow-up for every failing Algebra 1 student.',
      hypothesis:
        'Students with a D or F often go weeks without an adult noticing; a named follow-up adult changes that.',
      plan: 'Daniel exports the Algebra 1 D/F list every other Thursday; the PLC assigns a follow-up adult for each student; follow-ups are logged.',
      tasks: [
        { what: 'Set up the D/F export', who: 0, day: -3 },
        { what: 'First review at PLC', who: 0, day: 3, where: 'Room 210' },
        { what: 'Second review at PLC', who: 0, day: 17, where: 'Room 210' },
      ],
      questions: [
        {
          q: 'Will every student on the list get a follow-up within a week?',
          prediction: 'Nine in ten.',
          result: '78 of 91 students on the two lists had a logged follow-up within a week.',
          learning: 'Follow-ups slip for students who are also absent a lot.',
          confirmed: 'partly',
        },
        {
          q: 'Will the share of 9th graders with a D or F fall?',
          prediction: 'Not yet: one course, four weeks (stays between 25% and 32%).',
          quantified: { measure: 'DF9_WEEKLY', range: [25, 32], read: 'windowMedian' },
          learning: 'As expected, no school-wide movement from one course.',
        },
      ],
      measures: [gradebook()],
      doNotes: 'Both reviews happened. Teachers wanted the list sorted by student rather than by course.',
      carriedOutAsPlanned: true,
      study:
        'The routine works in 20 minutes, but following up course by course misses students failing several classes.',
      decision: 'adapt',
      act: 'Adapt: review by student across all core courses, with the whole 9th-grade team.',
    },
    {
      key: 'lhs-review-c2',
      title: 'Biweekly D/F review — all 9th-grade core teachers',
      scale: '9th-grade team (12 core teachers)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: LAKESIDE_RAMP.reviewAllCore },
      testers: '9th-grade core teachers, Maria Santos, Rebecca Goldberg',
      drivers: ['monitoring.dfreview', 'monitoring.gradebook'],
      objective: 'Test the student-by-student review across all core courses.',
      hypothesis:
        'Seeing all of a student’s marks at once lets the team pick the one adult and the one action that matters most.',
      plan: 'One list per student with all core marks; the team reviews it every other Thursday; Maria and Rebecca flag English learners and students with IEPs.',
      tasks: [
        { what: 'Student-level D/F report', who: 0, day: -2 },
        { what: 'Reviews every other Thursday', who: 0, day: 3 },
      ],
      questions: [
        {
          q: 'What share of 9th graders will have a D or F at the end of the cycle?',
          prediction: 'About the same as before: between 27% and 33%.',
          quantified: { measure: 'DF9_WEEKLY', range: [27, 33] },
          learning:
            'Marks edged down a little more than we expected, but the same students stayed on the list.',
        },
        {
          q: 'What do English learners and students with IEPs with a D/F need most?',
          prediction: 'Help with missing work and language support in assignments.',
          result: 'Missing work in science and English, and not understanding the assignment instructions.',
          learning: 'They need time in the school day with a teacher who can help.',
          confirmed: 'yes',
        },
      ],
      measures: [gradebook()],
      doNotes:
        'Three reviews; attendance at the reviews was good. Several students were on the list for every review.',
      carriedOutAsPlanned: true,
      study:
        'The review finds the students and names an adult, but the same students stay on the list: they need help, not only a reminder.',
      decision: 'adopt',
      spreadPlan:
        'Keep the biweekly review as the 9th-grade PLC standard and add a referral to a tutoring block for English learners and students with disabilities.',
      act: 'Adopt the review; next test a tutoring block inside the school day.',
    },
  ],
}

const tutoring: IdeaScript = {
  key: 'lhs-tutoring-block',
  goalKey: 'lhs-ontrack-el',
  teamKey: 'lhs-ontrack',
  title: 'Targeted tutoring block for EL and SWD 9th graders with a D/F',
  description:
    'Twice a week, during the flex period, English learners and students with disabilities on the D/F list go to a tutoring block with the ELD teacher and the case manager, who help with missing work and assignment language.',
  mtssTier: 2,
  drivers: ['support.tutoring', 'access.scaffolds'],
  cycles: [
    {
      key: 'lhs-tutor-c1',
      title: 'Tutoring block — 12 English learners',
      scale: '12 English learners on the D/F list',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: LAKESIDE_RAMP.tutoringTwelve },
      owner: 1,
      testers: 'Maria Santos',
      drivers: ['support.tutoring', 'access.scaffolds'],
      objective:
        'Test whether two tutoring sessions a week in the flex period help English learners recover D/F marks.',
      hypothesis:
        'English learners with a D/F are often missing work they did not understand; help in the school day, with language support, lets them catch up.',
      plan: 'Maria takes 12 English learners from the D/F list into the flex-period tutoring block on Tuesdays and Thursdays; teachers send missing-work lists.',
      tasks: [
        { what: 'Choose the 12 students from the D/F list', who: 1, day: -2 },
        { what: 'Missing-work lists from teachers', who: 0, day: 0 },
        { what: 'Sign-in sheet for the block', who: 1, day: 1 },
      ],
      questions: [
        {
          q: 'What share of English learners on the D/F list will attend at least twice a week?',
          prediction: 'Most of the twelve, so around half of all EL students on the list.',
          quantified: { measure: 'TUTORING_ATTEND', group: 'EL', range: [40, 70], read: 'windowMedian' },
          learning: 'Students came when the flex teacher released them on time.',
        },
        {
          q: 'How many of the 12 will clear at least one D/F in four weeks?',
          prediction: 'Six.',
          result: 'Seven of the 12 cleared at least one D or F.',
          learning: 'Missing work is the fastest win.',
          confirmed: 'yes',
        },
      ],
      measures: [tutoringLog('EL'), gradebook('EL')],
      doNotes: 'Attendance was good once flex teachers knew the list. Two students asked to bring a friend.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `Tutoring attendance for English learners on the list: median ${d.fmt('TUTORING_ATTEND', d.windowMedian('TUTORING_ATTEND', 'EL'))}. Seven of twelve cleared a D or F. Students with IEPs on the list asked for the same help.`,
      decision: 'adapt',
      act: 'Adapt: open the block to every EL and SWD 9th grader on the D/F list, with Rebecca co-teaching.',
    },
    {
      key: 'lhs-tutor-c2',
      title: 'Tutoring block — all EL and SWD 9th graders on the D/F list',
      scale: 'All EL and SWD 9th graders on the D/F list (about 60)',
      purpose: 'test_a_change',
      stage: 'complete',
      timing: { window: LAKESIDE_RAMP.tutoringAll },
      owner: 1,
      testers: 'Maria Santos, Rebecca Goldberg',
      drivers: ['support.tutoring', 'access.scaffolds', 'access.accommodations'],
      objective:
        'Test the tutoring block for every English learner and student with a disability on the D/F list, and see whether their D/F rates fall.',
      hypothesis:
        'Help with missing work and assignment language, inside the school day, lets EL and SWD students recover marks, which keeps them on track.',
      plan: 'Two sessions a week in flex; Maria and Rebecca co-teach; the D/F review refers students; sign-in sheet and missing-work lists.',
      tasks: [
        { what: 'Second room and schedule for the block', who: 0, day: -3 },
        { what: 'Referral from the biweekly D/F review', who: 0, day: 3 },
        { what: 'Mid-cycle check of attendance and marks', who: 2, day: 35 },
      ],
      questions: [
        {
          q: 'What share of English learners will have a D or F at the end of the cycle?',
          prediction: (d) => `About 40%, down from ${d.fmt('DF9_WEEKLY', d.before('DF9_WEEKLY', 'EL'))} now.`,
          quantified: { measure: 'DF9_WEEKLY', group: 'EL', range: [32, 45] },
          learning: 'The block moved marks for the students it served.',
        },
        {
          q: 'And students with disabilities?',
          prediction: (d) =>
            `About 45%, down from ${d.fmt('DF9_WEEKLY', d.before('DF9_WEEKLY', 'SWD'))} now.`,
          result: (d) =>
            `${d.fmt('DF9_WEEKLY', d.after('DF9_WEEKLY', 'SWD'))} at the end of the cycle (${d.fmt('DF9_WEEKLY', d.before('DF9_WEEKLY', 'SWD'))} before), from the same gradebook export.`,
          learning: 'Students with IEPs improved a little less; accommodations in class still matter.',
          confirmed: 'partly',
        },
        {
          q: 'Will on-track for English learners rise at the next progress report?',
          prediction: 'Yes, to about 75%.',
          quantified: { measure: 'ONTRACK_9', group: 'EL', range: [70, 82] },
          learning:
            'On-track is a lagging measure with few points a year; the weekly D/F list is what shows change within a cycle.',
        },
      ],
      measures: [
        gradebook('EL'),
        tutoringLog('EL'),
        fromSis('ONTRACK_9', 'EL', 'increase', 'Olivia Bennett'),
      ],
      doNotes:
        'The block ran twice a week for the rest of the year except testing weeks. Attendance dipped before spring break. Teachers started sending assignments with simplified instructions to the block.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `The share of English learners with a D or F went from ${d.fmt('DF9_WEEKLY', d.before('DF9_WEEKLY', 'EL'))} to ${d.fmt('DF9_WEEKLY', d.after('DF9_WEEKLY', 'EL'))}; students with disabilities from ${d.fmt('DF9_WEEKLY', d.before('DF9_WEEKLY', 'SWD'))} to ${d.fmt('DF9_WEEKLY', d.after('DF9_WEEKLY', 'SWD'))}. On-track for English learners at the last progress report: ${d.fmt('ONTRACK_9', d.after('ONTRACK_9', 'EL'))}.`,
      decision: 'adopt',
      spreadPlan:
        'Run the block from week 3 next year for the new 9th-grade cohort; train two more teachers; share the set-up with Kestrel’s 9th-grade team.',
      act: 'Adopt. Next year start in week 3 instead of waiting for semester 2.',
      expect: [
        { measureCode: 'DF9_WEEKLY', groupCode: 'EL', verdict: 'improved' },
        { measureCode: 'TUTORING_ATTEND', groupCode: 'EL', verdict: 'improved' },
      ],
    },
    {
      key: 'lhs-tutor-c3',
      title: 'Tutoring block — new 9th-grade cohort from week 3',
      scale: 'EL and SWD 9th graders on the D/F list (new cohort)',
      purpose: 'implement_a_change',
      stage: 'complete',
      timing: { startWeek: -11, weeks: 5 },
      owner: 1,
      testers: 'Maria Santos, Rebecca Goldberg, two new tutors',
      drivers: ['support.tutoring'],
      objective: 'Start the tutoring block in week 3 for the new cohort, before D/F marks pile up.',
      hypothesis:
        'Starting early prevents the first-semester hole that made last year’s cohort fall off track.',
      plan: 'Same block, two new tutors trained in August; referrals from the first D/F review.',
      tasks: [
        { what: 'Train the two new tutors', who: 1, day: -10 },
        { what: 'First referrals from the D/F review', who: 0, day: 2 },
      ],
      questions: [
        {
          q: 'What share of English learners on the D/F list will attend?',
          prediction: 'Around 70%.',
          quantified: { measure: 'TUTORING_ATTEND', group: 'EL', range: [60, 85], read: 'windowMedian' },
          learning: 'Attendance held with the new cohort.',
        },
        {
          q: 'Will the new tutors run sessions on their own by week 3?',
          prediction: 'Yes.',
          result: 'Yes; one needed help with Biology content.',
          learning: 'Pair new tutors with a content teacher for science.',
          confirmed: 'yes',
        },
      ],
      measures: [tutoringLog('EL'), gradebook('EL')],
      doNotes: 'Started in week 3 as planned.',
      carriedOutAsPlanned: true,
      study: (d) =>
        `Tutoring attendance for English learners on the list: median ${d.fmt('TUTORING_ATTEND', d.windowMedian('TUTORING_ATTEND', 'EL'))}. The D/F share for English learners was ${d.fmt('DF9_WEEKLY', d.after('DF9_WEEKLY', 'EL'))} at the end of the cycle.`,
      decision: 'adopt',
      spreadPlan:
        'Standard practice for the 9th grade; propose the same block for 10th-grade English learners next semester.',
      act: 'Adopt as standard 9th-grade practice.',
    },
  ],
}

const gradebookNorm: IdeaScript = {
  key: 'lhs-gradebook-friday',
  goalKey: 'lhs-ontrack-el',
  teamKey: 'lhs-ontrack',
  title: 'Gradebooks updated by Friday',
  description:
    'Every 9th-grade core teacher updates the gradebook by Friday at 3 pm so the D/F list is current.',
  mtssTier: 1,
  drivers: ['monitoring.gradebook'],
  cycles: [
    {
      key: 'lhs-gradebook-c1',
      title: 'Friday gradebook updates — 9th-grade core teachers',
      scale: '9th-grade core teachers (12)',
      purpose: 'test_a_change',
      stage: 'study',
      timing: { startWeek: -4, weeks: 3 },
      owner: 4,
      testers: '9th-grade core teachers',
      drivers: ['monitoring.gradebook'],
      objective: 'Test whether a shared Friday deadline keeps the D/F list current.',
      hypothesis:
        'A stale gradebook hides students who are slipping; a shared deadline keeps the list accurate.',
      plan: 'Hannah sends a Thursday reminder; Daniel checks the export Friday at 3 pm.',
      tasks: [
        { what: 'Thursday reminder', who: 4, day: 3 },
        { what: 'Friday export check', who: 0, day: 4 },
      ],
      questions: [
        {
          q: 'How many of 12 teachers will update by Friday each week?',
          prediction: 'At least 10.',
          result: '11, 10 and 9 teachers in the three weeks.',
        },
        {
          q: 'What share of 9th graders will show a D or F?',
          prediction: 'A bit higher at first, because marks become current.',
          quantified: { measure: 'DF9_WEEKLY', range: [26, 34] },
        },
      ],
      measures: [gradebook()],
      doNotes:
        'Reminders sent every Thursday. Week 3 fell before a long weekend and three teachers were late.',
      carriedOutAsPlanned: true,
    },
  ],
}

const iepCheck: IdeaScript = {
  key: 'lhs-iep-check',
  goalKey: 'lhs-ontrack-swd',
  teamKey: 'lhs-ontrack',
  title: 'Accommodation check at the D/F review',
  description:
    'For each student with an IEP on the D/F list, the case manager checks with the teacher that accommodations are in place.',
  mtssTier: 2,
  drivers: ['access.accommodations'],
  cycles: [
    {
      key: 'lhs-iep-c1',
      title: 'Accommodation check — students with IEPs on the D/F list',
      scale: '22 students with IEPs on the D/F list',
      purpose: 'test_a_change',
      stage: 'act',
      timing: { startWeek: -6, weeks: 3 },
      owner: 2,
      testers: 'Rebecca Goldberg',
      drivers: ['access.accommodations'],
      objective:
        'Find out whether accommodations are in place for students with IEPs who are failing, and fix gaps.',
      hypothesis:
        'Some D/F marks for students with IEPs come from accommodations not being provided (extended time, chunked assignments).',
      plan: 'Rebecca meets each teacher of the 22 students for five minutes with the accommodation list.',
      tasks: [
        { what: 'Accommodation summary per student', who: 2, day: -2 },
        { what: 'Five-minute teacher check-ins', who: 2, day: 2 },
      ],
      questions: [
        {
          q: 'For how many of the 22 will at least one accommodation be missing?',
          prediction: 'About half.',
          result:
            '13 of 22 had at least one accommodation not in place, most often extended time on assessments.',
          learning: 'Extended time is the most-missed accommodation.',
          confirmed: 'yes',
        },
        {
          q: 'What share of students with disabilities will have a D or F at the end?',
          prediction: 'Slightly lower: around 40%.',
          quantified: { measure: 'DF9_WEEKLY', group: 'SWD', range: [32, 46] },
          learning: 'A modest drop in three weeks.',
        },
      ],
      measures: [gradebook('SWD')],
      doNotes: 'Met all but two teachers; both replied by email.',
      carriedOutAsPlanned: true,
      study:
        'Missing accommodations were common and mostly easy to fix. The D/F share of students with IEPs moved only a little in three weeks.',
      act: 'Probably adopt: make the accommodation check part of every D/F review. To decide at Thursday’s PLC.',
    },
  ],
}

const scaffolds: IdeaScript = {
  key: 'lhs-el-scaffold',
  goalKey: 'lhs-ontrack-el',
  teamKey: 'lhs-ontrack',
  title: 'EL scaffold of the week in Biology',
  description:
    'Each week the Biology teachers build one language scaffold (sentence frames, visual glossary) into the main assignment.',
  mtssTier: 1,
  drivers: ['access.scaffolds'],
  cycles: [
    {
      key: 'lhs-scaffold-c1',
      title: 'Scaffold of the week — 2 Biology sections',
      scale: '2 Biology sections',
      purpose: 'test_a_change',
      stage: 'plan',
      timing: { startWeek: 1, weeks: 3 },
      owner: 3,
      testers: 'Jose Alvarez, Maria Santos',
      drivers: ['access.scaffolds'],
      objective:
        'Test whether one built-in language scaffold a week improves assignment completion for English learners in Biology.',
      hypothesis:
        'English learners leave assignments blank when the instructions are the barrier; a scaffold removes it.',
      plan: 'Maria and Jose co-design one scaffold per week; Jose tracks completion of the main assignment by English learners.',
      tasks: [
        { what: 'Co-plan the first scaffold', who: 3, day: -3 },
        { what: 'Completion tracker for the two sections', who: 1, day: -1 },
      ],
      questions: [
        {
          q: 'What share of English learners will complete the main assignment?',
          prediction: 'Up from about 60% to 80%.',
        },
        { q: 'Will other students use the scaffold too?', prediction: 'Yes, some will.' },
      ],
      measures: [gradebook('EL')],
    },
  ],
}

const counseling: IdeaScript[] = [
  {
    key: 'lhs-grade-check',
    goalKey: 'lhs-df-hi',
    teamKey: 'lhs-counseling',
    title: 'Grade-check conferences with a counselor',
    description: 'A ten-minute one-on-one with a counselor to review grades and set one goal per course.',
    mtssTier: 1,
    drivers: ['agency.conferences', 'agency.goals'],
    cycles: [
      {
        key: 'lhs-gradecheck-c1',
        title: 'Grade-check conferences — all 9th graders',
        scale: 'All 9th graders (about 440 students)',
        purpose: 'implement_a_change',
        stage: 'do',
        timing: { startWeek: -3, weeks: 5 },
        testers: 'Olivia Bennett, Samuel Ortiz, Aisha Rahman',
        drivers: ['agency.conferences'],
        objective:
          'Meet every 9th grader for a grade-check conference before the semester-one progress report.',
        hypothesis:
          'Students who set one concrete goal per course with an adult recover more D/F marks before the semester ends.',
        plan: 'Three counselors split the 9th grade alphabetically; ten-minute conferences during advisory; goals recorded in the student portal.',
        tasks: [
          { what: 'Conference schedule by advisory', who: 0, day: -2 },
          { what: 'Goal-setting form in the portal', who: 1, day: -1 },
          { what: 'Count conferences held each Friday', who: 2, day: 4 },
        ],
        questions: [
          {
            q: 'Can three counselors meet all 440 9th graders in five weeks?',
            prediction: 'Yes, about 30 a day.',
          },
          {
            q: 'What share of Latino students will have a D or F at the next progress report?',
            prediction: 'A few points lower than last year at the same time.',
          },
        ],
        measures: [fromSis('DF_RATE', 'HI', 'decrease', 'Olivia Bennett')],
        doNotes:
          'Weeks 1–3: 214 conferences held, fewer than planned because of college-application workshops for seniors.',
      },
    ],
  },
  {
    key: 'lhs-portal-night',
    goalKey: 'lhs-df-hi',
    teamKey: 'lhs-counseling',
    title: 'Parent portal sign-up night in Spanish',
    description: 'An evening session in Spanish to help families sign up for and use the grades portal.',
    mtssTier: 1,
    drivers: ['monitoring.gradebook'],
    cycles: [
      {
        key: 'lhs-portal-c1',
        title: 'Parent portal night in Spanish — 9th-grade families',
        scale: 'One evening session for 9th-grade Spanish-speaking families',
        purpose: 'test_a_change',
        stage: 'complete',
        timing: { startWeek: -9, weeks: 2 },
        owner: 1,
        testers: 'Samuel Ortiz, bilingual office staff',
        drivers: ['monitoring.gradebook'],
        objective: 'Test whether a Spanish-language portal night gets families checking grades.',
        hypothesis: 'Families who can see grades weekly catch D/F marks early.',
        plan: 'Invitations by text and flyer; laptops in the library; follow-up text a week later.',
        tasks: [
          { what: 'Invitations in Spanish', who: 1, day: -7 },
          { what: 'Library set-up with laptops', who: 1, day: 2 },
        ],
        questions: [
          {
            q: 'How many families will attend?',
            prediction: 'About 40.',
            result: '11 families attended.',
            learning:
              'A weeknight evening at school is hard for many families; go where families already are.',
            confirmed: 'no',
          },
          {
            q: 'How many will log in to the portal within two weeks?',
            prediction: 'Most of those who come.',
            result: '8 of 11 logged in again within two weeks.',
            learning: 'Those who came kept using it.',
            confirmed: 'yes',
          },
        ],
        measures: [fromSis('DF_RATE', 'HI', 'decrease', 'Olivia Bennett')],
        doNotes: 'Low turnout; it rained and the session clashed with a soccer game.',
        carriedOutAsPlanned: true,
        study: 'Too few families came to matter at school level. The ones who came used the portal.',
        decision: 'abandon',
        act: 'Abandon the evening session; instead, offer portal sign-up at the fall conferences families already attend.',
      },
    ],
  },
  {
    key: 'lhs-ag-check',
    goalKey: 'lhs-df-hi',
    teamKey: 'lhs-counseling',
    title: 'a–g progress check in advisory',
    description: 'Students review their a–g progress with an advisory checklist each semester.',
    mtssTier: 1,
    drivers: ['agency.goals'],
    cycles: [
      {
        key: 'lhs-ag-c1',
        title: 'a–g progress check — 10th-grade advisories',
        scale: '4 advisories in grade 10',
        purpose: 'test_a_change',
        stage: 'plan',
        timing: { startWeek: 2, weeks: 3 },
        owner: 2,
        testers: 'Aisha Rahman and four advisory teachers',
        drivers: ['agency.goals'],
        objective: 'Test whether an a–g checklist in advisory helps students spot missing requirements.',
        hypothesis: 'Students who see what is missing choose courses that keep a–g on track.',
        plan: 'Aisha prepares the checklist; advisory teachers walk students through it in one period.',
        tasks: [{ what: 'Draft the checklist', who: 2, day: -5 }],
        questions: [
          { q: 'How many students will find a missing requirement?', prediction: 'About one in five.' },
          { q: 'Will advisory teachers be able to answer students’ questions?', prediction: '' },
        ],
        measures: [],
      },
    ],
  },
]

export const LAKESIDE_IDEAS: readonly IdeaScript[] = [
  dfReview,
  tutoring,
  gradebookNorm,
  iepCheck,
  scaffolds,
  ...counseling,
]

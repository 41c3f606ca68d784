// Coach feedback on cycles (some requiring a response, answered or still open) and a few comments
// on goals from district leaders.
import { addDays, timestamp } from './dates.ts'
import { coachOf, EQUITY_DIRECTOR, emailFor, SUPERINTENDENT, teamPersonEmail } from './people.ts'
import type { DemoComment, DemoCycle, DemoEquityGoal } from './types.ts'

type Author = 'coach' | 'lead' | 'equity' | 'superintendent' | { team: string; index: number }
type When = { fromStart: number } | { fromEnd: number } | { daysAgo: number }

interface CommentScript {
  on: { cycle: string } | { goal: string }
  author: Author
  body: string
  when: When
  requiresResponse?: boolean
  reply?: { author: Author; body: string; afterDays: number }
}

const SCRIPTS: readonly CommentScript[] = [
  {
    on: { cycle: 'hms-c1-nudge' },
    author: 'coach',
    body: 'Lovely first test at the smallest possible scale. Before you grow it: which measure will tell you the change is happening for more families? Please link a process measure for the next cycle.',
    when: { fromEnd: 2 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'We linked “family contact within 48 hours”. Ana logs every flagged student and whether we reached the family.',
      afterDays: 1,
    },
  },
  {
    on: { cycle: 'hms-c3-mentor-40' },
    author: 'coach',
    body: 'The contact rate more than doubled — and your prediction (40–60%) was right. Good calibration.',
    when: { fromEnd: 3 },
  },
  {
    on: { cycle: 'hms-c5-mentor-schoolwide' },
    author: 'equity',
    body: 'This is the clearest narrowing of a chronic-absence gap in the district this year. Would the team present the routine at the principals’ meeting?',
    when: { fromEnd: 10 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'Yes — Terrence and I will present. We will bring the call script and the noon flag report.',
      afterDays: 2,
    },
  },
  {
    on: { cycle: 'hms-lang-c1' },
    author: 'coach',
    body: 'Before you decide: your prediction about students crossing 10% was not confirmed. What did the illness absences look like? Please write the rationale before choosing adopt, adapt or abandon.',
    when: { daysAgo: 3 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'hms-huddle-c1' },
    author: 'coach',
    body: 'How will you know the huddle happened on the day of return? A check column in Ana’s log would make question 1 easy to answer.',
    when: { daysAgo: 4 },
  },
  {
    on: { cycle: 'hms-bus-c1' },
    author: 'coach',
    body: 'Question 2 would be stronger with a number: how many days did the five students miss in the last three weeks? Predict against that.',
    when: { daysAgo: 2 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'hms-reset-c2' },
    author: 'coach',
    body: 'Referral counts for the 8th grade are small. Could you add the share of resets that ended without a referral to your study notes?',
    when: { daysAgo: 6 },
    requiresResponse: true,
    reply: {
      author: { team: 'hms-climate', index: 0 },
      body: 'Added: 38 resets, 31 without a referral (82%).',
      afterDays: 2,
    },
  },
  {
    on: { cycle: 'khs-conf-c1' },
    author: 'coach',
    body: 'One dean and one grade for two weeks is exactly the right scale. For the next cycle, please predict conferences per week so you can check your calibration.',
    when: { fromEnd: 1 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'Predicting two to four a week with all three deans; added it as a quantified question.',
      afterDays: 1,
    },
  },
  {
    on: { cycle: 'khs-conf-c3' },
    author: 'coach',
    body: 'ISS days went up a little, as you predicted. Keep ISS on the chart next year as your balancing measure — it is what the board will ask about.',
    when: { fromEnd: 12 },
  },
  {
    on: { cycle: 'khs-reset-c1' },
    author: 'coach',
    body: 'Door coverage came up twice. Is that a change to the test, or a change to the system (neighbouring teachers covering each other)? Please decide before Thursday and record why.',
    when: { daysAgo: 5 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'khs-call-c2' },
    author: 'coach',
    body: 'Great to see the backup caller in place. Log the call time so you can answer question 1 precisely.',
    when: { daysAgo: 4 },
  },
  {
    on: { cycle: 'lhs-tutor-c2' },
    author: 'coach',
    body: 'The weekly D/F series shows a clear shift for English learners and students with disabilities. On-track has only a couple of points in this window, so don’t read much into it yet.',
    when: { fromEnd: 6 },
  },
  {
    on: { cycle: 'lhs-gradecheck-c1' },
    author: 'coach',
    body: 'This is the first test of the conferences and it covers the whole 9th grade. Could you try the format with one advisory first? A problem found at 440 students is expensive to fix.',
    when: { daysAgo: 12 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'lhs-ag-c1' },
    author: 'coach',
    body: 'Question 2 has no prediction yet, and no measure is linked. What would tell you the checklist worked?',
    when: { daysAgo: 1 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'bay-call-c4' },
    author: 'coach',
    body: 'Have a look at Golden Valley in the network view: a similar school that did not run the calls. The difference this spring is your best evidence.',
    when: { fromEnd: 8 },
  },
  {
    on: { cycle: 'bay-gate-c1' },
    author: 'coach',
    body: 'Question 2 needs a prediction: by how much do you expect morning tardies to fall?',
    when: { daysAgo: 2 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'fth-charts-c1' },
    author: 'coach',
    body: 'The planned end was over two weeks ago and the cycle is still in Do. Are the charts still running? Either move it to Study with what you have, or extend the dates.',
    when: { daysAgo: 6 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'jms-visits-c1' },
    author: 'coach',
    body: 'Nothing has changed on this worksheet in three weeks. Is the home-visit protocol still waiting for approval? Let me know if I can help.',
    when: { daysAgo: 1 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'ihm-retake-c1' },
    author: 'coach',
    body: 'You decided to adapt (reteach in Tuesday advisory) — when will you test it? Please create the next cycle so the learning carries forward.',
    when: { daysAgo: 20 },
    requiresResponse: true,
  },
  {
    on: { cycle: 'ihm-raffle-c1' },
    author: 'coach',
    body: 'Good call to abandon, and a clear rationale. Next time, start with one advisory before going school-wide.',
    when: { fromEnd: 4 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'Agreed. The family workshop will start with grade 6 only.',
      afterDays: 3,
    },
  },
  {
    on: { cycle: 'ced-cotaught-c2' },
    author: 'coach',
    body: 'The ELA score will not have a data point inside this window. Could you add your fluency probes as a measure so the verdict has something to read?',
    when: { daysAgo: 9 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'We asked Dana to add an oral-reading-fluency measure for Cedar Grove; probes are in the sheet until then.',
      afterDays: 2,
    },
  },
  {
    on: { cycle: 'del-bus-c2' },
    author: 'coach',
    body: 'Thank you for abandoning cleanly with a clear rationale — that is learning too.',
    when: { fromEnd: 9 },
  },
  {
    on: { goal: 'hms-chronic-aa' },
    author: 'superintendent',
    body: 'Impressive progress for Black students at Harbor. Please share the mentoring routine with Juniper and Iris Hill.',
    when: { daysAgo: 150 },
  },
  {
    on: { goal: 'evg-attend-el' },
    author: 'coach',
    body: 'Which LCAP goal does this aim support? Please link it so it shows up in the district alignment view.',
    when: { daysAgo: 30 },
    requiresResponse: true,
  },
  {
    on: { goal: 'khs-susp-aa' },
    author: 'equity',
    body: 'The board asked about the suspension risk ratio for Black students. Could you send last year’s numbers by semester by Friday?',
    when: { daysAgo: 40 },
    requiresResponse: true,
    reply: {
      author: 'lead',
      body: 'Sent — semester 2 shows the drop after restorative conferences went school-wide.',
      afterDays: 2,
    },
  },
]

function authorEmail(author: Author, teamKey: string | null): string {
  if (author === 'equity') return emailFor(EQUITY_DIRECTOR[0])
  if (author === 'superintendent') return emailFor(SUPERINTENDENT[0])
  if (typeof author === 'object') return teamPersonEmail(author.team, author.index)
  if (!teamKey) throw new Error('A coach or lead comment needs a team')
  return author === 'coach' ? coachOf(teamKey).email : teamPersonEmail(teamKey, 0)
}

function dayOf(when: When, today: string, cycle: DemoCycle | null): string {
  if ('daysAgo' in when) return addDays(today, -when.daysAgo)
  if (!cycle) throw new Error('fromStart/fromEnd needs a cycle')
  return 'fromStart' in when
    ? addDays(cycle.plannedStart, when.fromStart)
    : addDays(cycle.plannedEnd, when.fromEnd)
}

export function buildComments(
  cycles: readonly DemoCycle[],
  goals: readonly DemoEquityGoal[],
  today: string,
): DemoComment[] {
  const latest = addDays(today, -1)
  const clamp = (iso: string) => (iso > latest ? latest : iso)
  const comments: DemoComment[] = []
  SCRIPTS.forEach((script, i) => {
    const cycle =
      'cycle' in script.on ? cycles.find((c) => c.key === (script.on as { cycle: string }).cycle) : null
    const goal =
      'goal' in script.on ? goals.find((g) => g.key === (script.on as { goal: string }).goal) : null
    if (cycle === undefined || goal === undefined)
      throw new Error(`Comment ${i} targets an unknown cycle or goal`)
    const teamKey = cycle?.teamKey ?? goal?.teamKey ?? null
    const day = clamp(dayOf(script.when, today, cycle))
    const key = `comment-${i + 1}`
    const replyDay = script.reply ? clamp(addDays(day, script.reply.afterDays)) : null
    const replyAuthor = script.reply ? authorEmail(script.reply.author, teamKey) : null
    comments.push({
      key,
      cycleKey: cycle?.key ?? null,
      goalKey: goal?.key ?? null,
      parentKey: null,
      authorEmail: authorEmail(script.author, teamKey),
      body: script.body,
      requiresResponse: script.requiresResponse ?? false,
      resolvedAt: script.requiresResponse && replyDay ? timestamp(replyDay, 18, 5) : null,
      resolvedByEmail: script.requiresResponse && replyDay ? replyAuthor : null,
      createdAt: timestamp(day, 14, 20),
    })
    if (script.reply && replyDay && replyAuthor) {
      comments.push({
        key: `${key}-reply`,
        cycleKey: cycle?.key ?? null,
        goalKey: goal?.key ?? null,
        parentKey: key,
        authorEmail: replyAuthor,
        body: script.reply.body,
        requiresResponse: false,
        resolvedAt: null,
        resolvedByEmail: null,
        createdAt: timestamp(replyDay, 18, 5),
      })
    }
  })
  return comments
}

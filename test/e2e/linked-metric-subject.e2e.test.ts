// The linked-metric view shows exactly the cycles of its subject, and every surface shows one verdict per
// cycle that leads with the outcome (ADR 024), in a real browser against the demo district:
// - a new goal on the same measure at the same school as a goal with cycles shows none of that goal's
//   cycles (no window, no verdict card);
// - the goal page's ramp, the cycle page, the coach portfolio, search and the alignment audit show the
//   same "Outcome: … · Process: …" verdict for the same cycle;
// - the chart's signal marks carry a direction in shape and colour, the legend says so, the glossary is
//   one click away, window tags never overlap at 1440 px and 390 px, and the legend never cuts a word.
// Screenshots of the linked-metric view (measure page) and the goal page at 1440 × 900 and 390 × 844.
import { DEMO_PASSWORD, demoEmail } from '@pdsa/demo-district'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, signInAs } from '../utils/browser'
import { expectAccessible } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')

const GOAL = 'Reduce chronic absence among Black students'
const CYCLE = 'Check & Connect mentoring — school-wide'
const MEASURE = 'Chronic absence rate (to date)'
const SCHOOL = 'Harbor Middle'
const NEW_GOAL = `Reduce chronic absence among Filipino students ${Date.now().toString(36).slice(-5)}`

let browser: Browser
const paths = { goal: '', cycle: '', measure: '', newGoal: '', teamId: '', schoolId: '' }

async function newPage(width: number, height: number, role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 600 })
  const page = await context.newPage()
  // Generous: the browser tests share a busy machine.
  page.setDefaultTimeout(60_000)
  await signInAs(page, baseUrl, demoEmail(role), DEMO_PASSWORD)
  return page
}

/** Calls a tRPC procedure from the signed-in page, as the app's own client does (CSRF header included). */
async function trpc<T>(page: Page, path: string, input: unknown, mutation = false): Promise<T> {
  return page.evaluate(
    async ({ path, input, mutation }) => {
      const w = window as unknown as {
        __reactRouterDataRouter?: {
          state: { loaderData: Record<string, { csrfToken?: string } | undefined> }
        }
      }
      const token = w.__reactRouterDataRouter?.state.loaderData.root?.csrfToken ?? ''
      const url = `/api/trpc/${path}`
      const body = JSON.stringify({ json: input })
      const res = mutation
        ? await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': token },
            body,
          })
        : await fetch(`${url}?input=${encodeURIComponent(body)}`)
      const payload = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: unknown }
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(payload.error)}`)
      return payload.result?.data?.json
    },
    { path, input, mutation },
  ) as Promise<T>
}

/** The figure of the linked-metric chart once recharts has drawn it. */
async function chartOf(scope: Locator): Promise<Locator> {
  const figure = scope.locator('figure').filter({ has: scope.page().locator('svg.recharts-surface') })
  await figure.first().waitFor()
  return figure.first()
}

/** The verdict headline shown next to the link to the cycle, in the nearest row or list item holding one. */
async function headlineNear(page: Page, container: 'tr' | 'li', cyclePath: string): Promise<string | null> {
  const holder = page
    .locator(
      `xpath=//a[@href="${cyclePath}"]/ancestor::${container}[.//*[@data-verdict-headline]][1]//*[@data-verdict-headline]`,
    )
    .first()
  await holder.waitFor({ state: 'attached' })
  return holder.getAttribute('data-verdict-headline')
}

/** Whether any two of the boxes overlap (window tags above the plot). */
function overlapping(boxes: readonly { x: number; y: number; width: number; height: number }[]): boolean {
  return boxes.some((a, i) =>
    boxes
      .slice(i + 1)
      .some(
        (b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
      ),
  )
}

async function tagBoxes(figure: Locator) {
  const tags = figure.locator('[data-window-tag] rect')
  const boxes = []
  for (let i = 0; i < (await tags.count()); i++) {
    const box = await tags.nth(i).boundingBox()
    if (box) boxes.push(box)
  }
  return boxes
}

beforeAll(async () => {
  browser = await launchBrowser()
  const page = await newPage(1440, 900, 'Team lead')
  await page.getByRole('link', { name: GOAL, exact: true }).first().click()
  await page.waitForURL(/\/goals\/[0-9a-f-]{36}$/)
  paths.goal = new URL(page.url()).pathname
  await page.getByRole('link', { name: CYCLE, exact: true }).first().click()
  await page.waitForURL(/\/cycles\/[0-9a-f-]{36}$/)
  paths.cycle = new URL(page.url()).pathname
  // A new goal on the same measure at the same school, for another focal group (no cycles yet).
  const goal = await trpc<{
    school: { id: string }
    team: { id: string } | null
    measure: { id: string }
  }>(page, 'goal.byId', { id: paths.goal.split('/').at(-1) })
  const groups = await trpc<{ id: string; name: string }[]>(page, 'org.studentGroups', {})
  const filipino = groups.find((g) => g.name === 'Filipino')
  if (!filipino) throw new Error(`No Filipino group in ${groups.map((g) => g.name).join(', ')}`)
  const created = await trpc<{ id: string }>(
    page,
    'goal.create',
    {
      schoolId: goal.school.id,
      teamId: goal.team?.id ?? null,
      title: NEW_GOAL,
      measureId: goal.measure.id,
      focalGroupId: filipino.id,
      referenceKind: 'all_other_students',
      baselineValue: 8,
      baselineDate: '2026-08-03',
      targetValue: 6,
      targetDate: '2027-06-01',
    },
    true,
  )
  paths.newGoal = `/goals/${created.id}`
  paths.teamId = goal.team?.id ?? ''
  paths.schoolId = goal.school.id
  paths.measure = `/measures/${goal.measure.id}?school=${goal.school.id}`
  await page.context().close()
})

afterAll(async () => {
  await browser?.close()
})

describe('each chart shows exactly the cycles of its subject', () => {
  it('a new goal on the same measure and school shows no other goal’s cycles or verdicts', async () => {
    const page = await newPage(1440, 900, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.newGoal}`)
      await page.getByRole('heading', { name: NEW_GOAL, level: 1 }).waitFor()
      const figure = await chartOf(page.getByRole('region', { name: 'Progress and equity gap' }))
      await expect
        .poll(() => figure.locator('figcaption').textContent())
        .toBe(`${MEASURE} for Filipino at ${SCHOOL}`)
      expect(await figure.textContent()).not.toMatch(/cycle windows? shaded/)
      expect(await figure.locator('[data-window-tag]').count()).toBe(0)
      expect(await figure.getByRole('group', { name: 'Cycle windows on the chart' }).count()).toBe(0)
      await page.getByText(/^No cycle links this measure/).waitFor()
      expect(await page.getByText(CYCLE).count()).toBe(0)
      await expectAccessible(page, 'a new goal’s page')

      // The goal with cycles shows its own cycles (the mentoring ramp) and not the new goal's nothing.
      await page.goto(`${baseUrl}${paths.goal}`)
      const own = await chartOf(page.getByRole('region', { name: 'Progress and equity gap' }))
      await own.locator('[data-window-tag]').first().waitFor()
      const list = own.getByRole('group', { name: 'Cycle windows on the chart' })
      await list.getByText(CYCLE, { exact: true }).first().waitFor()
    } finally {
      await page.context().close()
    }
  }, 300_000)
})

describe('one verdict per cycle, leading with the outcome, on every surface', () => {
  // The alignment audit shows a district goal's cascade when it is opened, or opened for a chosen school:
  // a district leader looking for a school's cycle picks the school, as this test does.
  it('goal page, cycle page, portfolio, search and alignment show the same verdict for the same cycle', async () => {
    const seen: Record<string, string | null> = {}
    const lead = await newPage(1440, 900, 'Team lead')
    try {
      await lead.goto(`${baseUrl}${paths.goal}`)
      await lead.getByRole('heading', { name: 'Cycles per change idea' }).waitFor()
      seen.goal = await headlineNear(lead, 'li', paths.cycle)
      await lead.goto(`${baseUrl}${paths.cycle}`)
      const panel = lead.getByRole('region', { name: 'Linked measures' })
      const headline = panel.locator('[data-verdict-headline]').first()
      await headline.waitFor()
      seen.cycle = await headline.getAttribute('data-verdict-headline')
    } finally {
      await lead.context().close()
    }
    const coach = await newPage(1440, 900, 'Coach')
    try {
      await coach.goto(`${baseUrl}/coach?team=${paths.teamId}`)
      await coach.getByRole('heading', { level: 1, name: 'Coach portfolio' }).waitFor()
      // Completed cycles come last: list them all.
      const more = coach.getByRole('button', { name: /^Show \d+ more/ })
      while ((await coach.locator(`a[href="${paths.cycle}"]`).count()) === 0 && (await more.count()) > 0) {
        await more.first().click()
      }
      seen.portfolio = await headlineNear(coach, 'tr', paths.cycle)
    } finally {
      await coach.context().close()
    }
    const leader = await newPage(1440, 900, 'District leader')
    try {
      await leader.goto(`${baseUrl}/search?q=${encodeURIComponent('mentors')}`)
      await leader.getByRole('heading', { level: 1, name: 'Search cycles' }).waitFor()
      seen.search = await headlineNear(leader, 'tr', paths.cycle)
      await leader.goto(`${baseUrl}/district/alignment?school=${paths.schoolId}`)
      await leader.getByRole('heading', { level: 1, name: 'Alignment audit' }).waitFor()
      seen.alignment = await headlineNear(leader, 'li', paths.cycle)
    } finally {
      await leader.context().close()
    }
    expect(seen.cycle).toMatch(/^Outcome: /)
    expect(seen).toEqual({
      goal: seen.cycle,
      cycle: seen.cycle,
      portfolio: seen.cycle,
      search: seen.cycle,
      alignment: seen.cycle,
    })
  }, 300_000)
})

describe.each([
  { width: 1440, height: 900, label: '1440' },
  { width: 390, height: 844, label: '390' },
])('the linked-metric view at $label px', ({ width, height, label }) => {
  it('marks signals by direction, explains them, offers the glossary, and never overlaps or cuts labels', async () => {
    const page = await newPage(width, height, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.measure}`)
      await page.getByRole('heading', { name: MEASURE, level: 1 }).waitFor()
      const section = page.getByRole('region', { name: 'Linked-metric view' })
      const figure = await chartOf(section)
      await figure.locator('[data-window-tag]').first().waitFor()
      // Every window numbered on the chart is listed under it, grouped by team and goal.
      const tags = await figure.locator('[data-window-tag]').count()
      const listed = figure
        .getByRole('group', { name: 'Cycle windows on the chart' })
        .locator('li[data-window]')
      expect(await listed.count()).toBe(tags)
      expect(await figure.textContent()).toMatch(
        /Attendance Team · Reduce chronic absence among Black students/i,
      )
      expect(overlapping(await tagBoxes(figure))).toBe(false)
      // The legend names the directions of the signal marks, and none of its entries is cut.
      const legend = figure.getByRole('list', { name: 'Chart legend' })
      await legend.getByText(/^Signal: better/).waitFor()
      await legend.getByText(/^Signal: worse/).waitFor()
      const cut = await legend
        .locator('li p')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length)
      expect(cut).toBe(0)
      const box = await figure.boundingBox()
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width)
      // Signal points (if any) are drawn with their direction.
      const marks = await figure
        .locator('[data-signal]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))
      expect(marks.every((m) => m === 'better' || m === 'worse' || m === 'neutral')).toBe(true)
      await saveScreenshot(page, `linked-metric-view-${label}`)
      // The glossary, one click away, keyboard reachable.
      const glossary = figure.getByRole('button', { name: 'What do the lines mean?' })
      await glossary.click()
      const dialog = page.getByRole('dialog', { name: 'Reading this chart' })
      await dialog.getByText('Control limits', { exact: true }).waitFor()
      await dialog.getByText('Shift', { exact: true }).waitFor()
      await dialog.getByText('Run', { exact: true }).waitFor()
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
      await expectAccessible(page, `the measure page with the glossary open at ${label} px`)
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })

      await page.goto(`${baseUrl}${paths.goal}`)
      const goalFigure = await chartOf(page.getByRole('region', { name: 'Progress and equity gap' }))
      await goalFigure.locator('[data-window-tag]').first().waitFor()
      expect(overlapping(await tagBoxes(goalFigure))).toBe(false)
      await expectAccessible(page, `the goal page at ${label} px`)
      await saveScreenshot(page, `linked-metric-goal-page-${label}`)
    } finally {
      await page.context().close()
    }
  }, 300_000)
})

describe('print', () => {
  it('prints the goal page without the sidebar and buttons, with the chart', async () => {
    const page = await newPage(1440, 900, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.goal}`)
      await chartOf(page.getByRole('region', { name: 'Progress and equity gap' }))
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Edit goal' }).isVisible()).toBe(false)
      expect(await page.locator('figure svg.recharts-surface').first().isVisible()).toBe(true)
      await page.pdf({ path: 'test-results/screenshots/goal-page-print.pdf' })
    } finally {
      await page.context().close()
    }
  }, 300_000)

  it('prints the worksheet with each question once and the linked-metric chart', async () => {
    const page = await newPage(1440, 900, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.cycle}/print`)
      const sheet = page.getByRole('article', { name: /^PDSA worksheet: / })
      await sheet.waitFor()
      await sheet
        .getByRole('region', { name: 'Linked-metric charts' })
        .locator('svg.recharts-surface')
        .first()
        .waitFor()
      const questions = await sheet
        .getByRole('table')
        .first()
        .locator('tbody tr td:nth-child(2)')
        .allInnerTexts()
      const text = (await sheet.textContent()) ?? ''
      for (const q of questions.filter((q) => q.trim().length > 10)) {
        expect(text.split(q.trim()).length - 1).toBe(1)
      }
      await expectAccessible(page, 'the printable worksheet')
    } finally {
      await page.context().close()
    }
  }, 300_000)
})

// Oversight screens in a real browser against the built server and the seeded demo district: the coach
// portfolio (filter, sort, leave feedback that needs a response and see it on the cycle), the district
// alignment audit, the equity matrix, the audit log filter, the CSV export and the printable report (as
// district leader and as admin), cross-school search (as a team member), and who is refused where.
import { readFileSync } from 'node:fs'
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail, browserTest as it } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const ADMIN = demoEmail('Admin')
const LEADER = demoEmail('District leader')
const COACH = demoEmail('Coach')
const LEAD = demoEmail('Team lead')
const MEMBER = demoEmail('Team member')
const VIEWER = demoEmail('Viewer')
const RUN = Date.now().toString(36).slice(-5)

describe('coach portfolio (coach)', () => {
  it('filters and sorts through the URL, and leaves feedback the team must answer', async ({ page }) => {
    await signInAs(page, baseUrl, COACH, DEMO_PASSWORD)
    await page.goto(`${baseUrl}/coach`)
    await page.getByRole('heading', { level: 1, name: 'Coach portfolio' }).waitFor()
    const table = page.getByRole('table', { name: 'Cycles of the teams you coach' })
    await table.waitFor()
    await checkPage(page, 'oversight-coach-portfolio')

    // Filter by team: the URL carries it, and every listed cycle belongs to that team.
    await choose(page, 'Team', 'Harbor Attendance Team')
    await page.waitForURL((u) => u.searchParams.has('team'))
    const teamCells = () => table.locator('tbody tr td:nth-child(2)').allInnerTexts()
    await expect
      .poll(async () => {
        const cells = await teamCells()
        return cells.length > 0 && cells.every((c) => c.includes('Harbor Attendance Team'))
      })
      .toBe(true)
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the rendered text, as a person sees it
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/cycles? of \d+ match/)

    // Sort by stage (Plan first): the URL carries it and a reload keeps filter and sort.
    await choose(page, 'Sort by', 'Stage (Plan first)')
    await page.waitForURL((u) => u.searchParams.get('sort') === 'stage')
    await page.reload()
    expect(await page.getByRole('combobox', { name: 'Sort by', exact: true }).inputValue()).toBe(
      'Stage (Plan first)',
    )
    const stages = await table.locator('tbody tr td:nth-child(3)').allInnerTexts()
    const order = ['PLAN', 'DO', 'STUDY', 'ACT', 'COMPLETE']
    const ranks = stages.map((s) => order.findIndex((o) => s.toUpperCase().startsWith(o)))
    expect(ranks.every((r) => r >= 0)).toBe(true)
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
    await saveScreenshot(page, 'oversight-coach-portfolio-filtered')

    // Feedback from the portfolio on the first listed cycle.
    const firstRow = table.locator('tbody tr').first()
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the rendered text, as a person sees it
    const title = (await firstRow.locator('td').first().getByRole('link').first().innerText()).trim()
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the rendered text, as a person sees it
    const before = await firstRow.locator('td:nth-child(7)').innerText()
    const openBefore = Number(/(\d+) awaiting/.exec(before)?.[1] ?? 0)
    await firstRow.getByRole('button', { name: `Give feedback on ${title}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Give feedback' })
    await dialog.waitFor()
    expect(await dialog.getByRole('checkbox', { name: /must respond/ }).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Send feedback' }).click()
    await dialog.getByText('Write your feedback.').waitFor()
    const feedback = `Which prediction will you check first? (${RUN})`
    await dialog.getByRole('textbox', { name: 'Feedback' }).fill(feedback)
    await checkPage(page, 'oversight-coach-feedback-dialog')
    await dialog.getByRole('button', { name: 'Send feedback' }).click()
    await page.getByRole('alert').filter({ hasText: 'Feedback sent to the team.' }).first().waitFor()
    await dialog.waitFor({ state: 'hidden' })
    const row = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    await expect
      .poll(async () =>
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the rendered text, as a person sees it
        Number(/(\d+) awaiting/.exec(await row.first().locator('td:nth-child(7)').innerText())?.[1] ?? 0),
      )
      .toBe(openBefore + 1)

    // The team sees it on the cycle, marked as needing a response.
    await row.first().getByRole('link', { name: title, exact: true }).click()
    await page.waitForURL(/\/cycles\//)
    const thread = page.getByRole('article').filter({ hasText: feedback })
    await thread.waitFor()
    await thread.getByText('Awaiting response', { exact: true }).waitFor()
  })
})

async function districtScreens(page: Page, email: string, who: string) {
  await signInAs(page, baseUrl, email, DEMO_PASSWORD)

  // The alignment audit: findings, then the tree district goal → goals → change ideas → cycles → measures.
  await page.goto(`${baseUrl}/district/alignment`)
  await page.getByRole('heading', { level: 1, name: 'Alignment audit' }).waitFor()
  await page.getByRole('list', { name: 'Findings' }).waitFor()
  expect(await page.getByRole('list', { name: 'Findings' }).getByRole('listitem').count()).toBeGreaterThan(0)
  const firstGoal = page.locator('details').first()
  await firstGoal.locator('summary').click()
  await expect.poll(() => firstGoal.getAttribute('open')).not.toBeNull()
  await firstGoal.getByRole('link').first().waitFor()
  expect(await firstGoal.locator('a[href^="/goals/"]').count()).toBeGreaterThan(0)
  expect(await firstGoal.locator('a[href^="/cycles/"]').count()).toBeGreaterThan(0)
  await checkPage(page, `oversight-alignment-${who}`)

  // Filter by school (in the URL): every goal listed belongs to it.
  await choose(page, 'School', 'Harbor Middle')
  await page.waitForURL((u) => u.searchParams.has('school'))
  const goalLines = () =>
    page
      .locator('details[open] li p')
      .filter({ hasText: /· for / })
      .allInnerTexts()
  await expect
    .poll(async () => {
      const lines = await goalLines()
      return lines.length > 0 && lines.every((l) => l.includes('Harbor Middle'))
    })
    .toBe(true)

  // CSV download: an attachment whose header row is the report's.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^alignment-.*\.csv$/)
  const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '')
  const [header, ...rows] = csv.split('\r\n')
  expect(
    header?.startsWith('School,Team,Goal,Goal status,Focal student group,Goal measure,District goals'),
  ).toBe(true)
  expect(header).toContain('Finding types,Finding severities,Findings')
  // The file follows the page's school filter: Harbor Middle's goals and the district-wide findings only.
  expect(download.suggestedFilename()).toContain('harbor-middle')
  const data = rows.filter(Boolean)
  expect(data.length).toBeGreaterThan(0)
  for (const row of data) expect(row.startsWith('Harbor Middle,') || row.startsWith('(district),')).toBe(true)

  // The printable report, with a print stylesheet (no navigation, no buttons on paper).
  await page.getByRole('link', { name: 'Printable report' }).click()
  // It keeps the school filter: the report is Harbor Middle's.
  await page.getByRole('heading', { level: 1, name: /alignment report · Harbor Middle$/ }).waitFor()
  const printButton = page.getByRole('button', { name: 'Print / save as PDF' })
  await printButton.waitFor()
  await page.getByRole('table', { name: 'Equity goals by school and student group' }).waitFor()
  await checkPage(page, `oversight-alignment-print-${who}`)
  await page.emulateMedia({ media: 'print' })
  await printButton.waitFor({ state: 'hidden' })
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ state: 'hidden' })
  await page.pdf({ path: `test-results/screenshots/oversight-alignment-report-${who}.pdf`, landscape: true })
  await page.emulateMedia({ media: 'screen' })

  // The equity matrix: schools × student groups.
  await page.goto(`${baseUrl}/district/equity`)
  await page.getByRole('heading', { level: 1, name: 'Equity matrix' }).waitFor()
  const matrix = page.getByRole('table', { name: 'Equity goals by school and student group' })
  await matrix.waitFor()
  expect(await matrix.locator('tbody tr').count()).toBe(12)
  expect(await matrix.getByText(/Narrowing|Widening|No signal|Little data/).count()).toBeGreaterThan(0)
  await checkPage(page, `oversight-equity-matrix-${who}`)
}

describe('district alignment (district leader and admin)', () => {
  it('district leader: audit, tree, school filter, CSV, printable report, matrix, audit log filter', async ({
    page,
  }) => {
    await districtScreens(page, LEADER, 'leader')

    // The audit log, filtered by who: the coach's feedback (and sign-ins) only.
    await page.goto(`${baseUrl}/admin/audit`)
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor()
    await choose(page, 'Who', 'Priya Raman')
    await page.waitForURL((u) => u.searchParams.has('actorId'))
    // The URL changes before the table re-renders: wait until every row is the coach's.
    const whoCells = page.locator('table tbody tr td:nth-child(2)')
    await expect
      .poll(async () => {
        const who = await whoCells.allInnerTexts()
        return who.length > 0 && who.every((cell) => cell.includes('Priya Raman'))
      })
      .toBe(true)
    await checkPage(page, 'oversight-audit-log-filtered')
  })

  it('admin: the same audit, export and report', async ({ page }) => {
    await districtScreens(page, ADMIN, 'admin')
  })
})

describe('cross-school search (team member)', () => {
  it('finds a seeded change idea by a word of its worksheet, and filters by verdict', async ({ page }) => {
    await signInAs(page, baseUrl, MEMBER, DEMO_PASSWORD)
    await page.goto(`${baseUrl}/search`)
    await page.getByRole('heading', { level: 1, name: 'Search cycles' }).waitFor()
    // "mentors" is in the worksheets of Harbor Middle's Check & Connect cycles (plans, objectives); the
    // idea's first cycle ("Positive attendance text to one family") matches on its worksheet alone.
    await page.getByRole('searchbox', { name: 'Words' }).fill('mentors')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL((u) => u.searchParams.get('q') === 'mentors')
    const results = page.getByRole('table', { name: 'Matching cycles' })
    await results.getByText('Positive attendance text to one family').waitFor()
    await results.getByText('Check & Connect mentoring — 10 Black students').waitFor()
    await results.getByText('Harbor Middle').first().waitFor()
    await results.locator('mark').first().waitFor()
    await page
      .getByRole('list', { name: 'Matching change ideas' })
      .getByText('Check & Connect mentoring with a family call within 48 hours')
      .waitFor()
    await checkPage(page, 'oversight-search')

    // Lakeside's tutoring ramp: its second cycle moved both its measures (improved, compared with the
    // same weeks of last year and with this year's earlier weeks); Harbor's mentoring cycles did not.
    await page.getByRole('searchbox', { name: 'Words' }).fill('tutoring')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL((u) => u.searchParams.get('q') === 'tutoring')
    const tutoring = 'Tutoring block — all EL and SWD 9th graders on the D/F list'
    await results.getByText(tutoring).waitFor()
    const rows = results.locator('tbody tr')
    const unfiltered = await rows.count()
    await choose(page, 'Verdict', 'Improved')
    await page.waitForURL((u) => u.searchParams.get('verdict') === 'improved')
    await expect.poll(() => rows.count()).toBeLessThan(unfiltered)
    await results.getByText(tutoring).waitFor()
    for (const t of await rows.allInnerTexts()) expect(t).toContain('Improved')
    await saveScreenshot(page, 'oversight-search-improved')
  })
})

describe('who may open which screen', () => {
  const expected: Record<string, Record<string, number>> = {
    [ADMIN]: {
      '/coach': 403,
      '/district/alignment': 200,
      '/district/equity': 200,
      '/district/alignment/print': 200,
      '/search': 200,
    },
    [LEADER]: {
      '/coach': 403,
      '/district/alignment': 200,
      '/district/equity': 200,
      '/district/alignment/print': 200,
      '/search': 200,
    },
    [COACH]: {
      '/coach': 200,
      '/district/alignment': 403,
      '/district/equity': 403,
      '/district/alignment/print': 403,
      '/search': 200,
    },
    [LEAD]: {
      '/coach': 403,
      '/district/alignment': 403,
      '/district/equity': 403,
      '/district/alignment/print': 403,
      '/search': 200,
    },
    [MEMBER]: {
      '/coach': 403,
      '/district': 403,
      '/district/alignment': 403,
      '/district/equity': 403,
      '/district/alignment/print': 403,
      '/search': 200,
    },
    [VIEWER]: {
      '/coach': 403,
      '/district/alignment': 200,
      '/district/equity': 200,
      '/district/alignment/print': 403,
      '/search': 200,
    },
  }
  it.for(Object.keys(expected))('%s', async (email, { page }) => {
    await signInAs(page, baseUrl, email, DEMO_PASSWORD)
    for (const [path, status] of Object.entries(expected[email] ?? {})) {
      const response = await page.goto(`${baseUrl}${path}`)
      expect(response?.status(), `${email} ${path}`).toBe(status)
      if (status === 403) {
        await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor()
      }
    }
    const csv = await page.request.get(`${baseUrl}/district/alignment.csv`, { maxRedirects: 0 })
    const mayExport = email === ADMIN || email === LEADER
    expect(csv.status(), `${email} CSV`).toBe(mayExport ? 200 : 403)
    if (mayExport) {
      expect(csv.headers()['content-type']).toContain('text/csv')
      expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="alignment-.*\.csv"$/)
    }
    if (email === MEMBER) {
      // The refusal page itself is accessible.
      await page.goto(`${baseUrl}/district`)
      await checkPage(page, 'oversight-district-refused-team-member')
    }
  })
})

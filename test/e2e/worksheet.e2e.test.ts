// Issue 11, items 4–6 in a real browser (ADR 025): a cycle started from a change idea (goal and idea
// chosen), Enter not submitting the dialogs, a question saving itself and the worksheet asking before an
// edit that has not reached the server is lost (ADR 032), the stage
// confirmation with its date, the team lead's move back with a reason, and a goal's baseline from data.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { launchBrowser, signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const TEAM_LEAD = demoEmail('Team lead')
const POLL = { timeout: 15_000 }
const RUN = Date.now().toString(36).slice(-5)
const CYCLE_TITLE = `From the idea ${RUN}`
/** Per step: several server round trips each, on a machine shared by many test runs. */
const STEP_TIMEOUT = 300_000

/** Waits until the worksheet part's own status says its changes reached the server. */
async function allSaved(page: Page, part: string) {
  await expect
    .poll(() => page.getByRole('status', { name: part }).textContent(), POLL)
    .toBe('All changes saved')
}

describe('worksheet: start from an idea, unsaved edits, stage dialogs, goals from data', () => {
  let browser: Browser
  let page: Page
  let teamPath = ''
  let cyclePath = ''
  let failedStep: string | null = null

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    // The goal page loads its series on the server; on a machine shared by many test runs that is slow.
    page.setDefaultNavigationTimeout(60_000)
    await signInAs(page, baseUrl, TEAM_LEAD, DEMO_PASSWORD)
    teamPath = new URL(page.url()).pathname
  })
  beforeEach(() => {
    if (failedStep) throw new Error(`Not run: the step “${failedStep}” failed.`)
  })
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && !failedStep) {
      failedStep = ctx.task.name
      await saveScreenshot(page, 'worksheet-failed-step').catch(() => undefined)
    }
  })
  afterAll(async () => {
    await browser?.close()
  })

  it(
    'starts a cycle from a change idea: goal and idea chosen; Enter in a date does not submit',
    async () => {
      await page.goto(`${baseUrl}${teamPath}`)
      const goals = page.getByRole('region', { name: 'Equity goals' })
      // Other browser tests add goals without change ideas to this team: take the first goal that has one.
      const links = await goals.getByRole('link').all()
      const candidates: { href: string; title: string }[] = []
      for (const link of links) {
        candidates.push({
          href: (await link.getAttribute('href')) ?? '',
          title: ((await link.textContent()) ?? '').trim(),
        })
      }
      let goalTitle = ''
      const start = page.getByRole('button', { name: /^Start a cycle testing / }).first()
      for (const candidate of candidates) {
        expect(candidate.href).toMatch(/^\/goals\/[0-9a-f-]{36}$/)
        await page.goto(`${baseUrl}${candidate.href}`)
        const outline = page.getByRole('tab', { name: 'Outline and editing' })
        await expect
          .poll(async () => {
            await outline.click()
            return outline.getAttribute('aria-selected')
          })
          .toBe('true')
        if ((await start.count()) > 0) {
          goalTitle = candidate.title
          break
        }
      }
      expect(goalTitle).not.toBe('')
      const ideaTitle = ((await start.getAttribute('aria-label')) ?? '').replace(
        /^Start a cycle testing /,
        '',
      )
      await start.click()
      const dialog = page.getByRole('dialog', { name: 'New PDSA cycle' })
      await dialog.getByText(`Tests the change idea “${ideaTitle}”`).waitFor()
      expect(await dialog.getByRole('combobox', { name: 'Change idea', exact: true }).inputValue()).toBe(
        ideaTitle,
      )
      expect(await dialog.getByRole('combobox', { name: 'Goal', exact: true }).inputValue()).toBe(goalTitle)
      await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(CYCLE_TITLE)
      await dialog.getByRole('textbox', { name: 'Planned start' }).fill('2026-11-02')
      // Enter in a half-filled dialog: nothing is submitted, the dialog stays.
      await dialog.getByRole('textbox', { name: 'Planned start' }).press('Enter')
      await page.waitForTimeout(300)
      expect(new URL(page.url()).pathname).toMatch(/^\/goals\//)
      await dialog.waitFor()
      // No submit was tried either: a tried submit would have marked the missing planned end.
      expect(await dialog.locator('[aria-invalid="true"]').count()).toBe(0)
      await dialog.getByRole('textbox', { name: 'Planned end' }).fill('2026-11-20')
      await dialog.getByRole('textbox', { name: 'Planned end' }).press('Tab')
      // Enter in a text field of the complete dialog does not create the cycle either: only the button does.
      await dialog.getByRole('textbox', { name: 'Title', exact: true }).press('Enter')
      await page.waitForTimeout(1000)
      expect(new URL(page.url()).pathname).toMatch(/^\/goals\//)
      await dialog.waitFor()
      await checkPage(page, 'worksheet-01-start-from-idea')
      await dialog.getByRole('button', { name: 'Create cycle' }).click()
      await page.waitForURL(/\/cycles\/[0-9a-f-]{36}$/)
      cyclePath = new URL(page.url()).pathname
      await page.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()
    },
    STEP_TIMEOUT,
  )

  it(
    'puts linked measures before the questions; a question saves itself; leaving with a pending edit asks',
    async () => {
      const measures = page.getByRole('heading', { name: 'Linked measures and data collection' })
      const questions = page.getByRole('heading', { name: 'Questions and predictions' })
      const top = async (l: typeof measures) => (await l.boundingBox())?.y ?? 0
      expect(await top(measures)).toBeLessThan(await top(questions))

      // A question saves itself: "All changes saved", and a reload still has it.
      await page.getByRole('button', { name: 'Add question' }).click()
      await page.getByRole('textbox', { name: 'Question 1' }).fill('Will more students arrive on time?')
      await allSaved(page, 'Questions and predictions')
      await page.reload()
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Question 1' }).inputValue(), POLL)
        .toBe('Will more students arrive on time?')
      await allSaved(page, 'Questions and predictions')

      // An edit that has not reached the server yet (its save held back here): leaving asks first.
      let release = () => {}
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      await page.route('**/api/trpc/cycle.saveQuestions**', async (route) => {
        await held
        await route.continue()
      })
      await page.getByRole('textbox', { name: 'Prediction', exact: true }).fill('Most will.')
      await page.getByRole('link', { name: 'Measures and data' }).click()
      const ask = page.getByRole('dialog', { name: 'Leave without saving?' })
      await ask.getByText('Questions and predictions').waitFor()
      await checkPage(page, 'worksheet-02-leave-unsaved')
      await ask.getByRole('button', { name: 'Stay and save' }).click()
      await ask.waitFor({ state: 'detached' })
      expect(new URL(page.url()).pathname).toBe(cyclePath)
      // Typing goes on while that save is under way; when it returns, the form keeps what was typed since
      // (no reset to what the server had), and saves it next.
      const question = page.getByRole('textbox', { name: 'Question 1' })
      await question.fill('Will more students arrive on time, and stay?')
      release()
      await allSaved(page, 'Questions and predictions')
      await page.unroute('**/api/trpc/cycle.saveQuestions**')
      expect(await question.inputValue()).toBe('Will more students arrive on time, and stay?')
      expect(await page.getByRole('textbox', { name: 'Prediction', exact: true }).inputValue()).toBe(
        'Most will.',
      )
      await page.reload()
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Prediction', exact: true }).inputValue(), POLL)
        .toBe('Most will.')
      expect(await question.inputValue()).toBe('Will more students arrive on time, and stay?')
    },
    STEP_TIMEOUT,
  )

  it(
    'confirms Move to Do with the date it sets and what it locks; the lead moves it back with a reason',
    async () => {
      const objective = page.getByRole('textbox', { name: 'Objective', exact: true })
      await objective.click()
      await page.keyboard.type('Learn whether a greeting helps.')
      await page.keyboard.press('Tab')
      await expect.poll(() => page.getByText(/^(Saved|All changes saved)$/).count(), POLL).toBeGreaterThan(0)

      await page.getByRole('button', { name: 'Move to Do' }).click()
      const dialog = page.getByRole('dialog', { name: 'Move to Do?' })
      await dialog.getByText(/the questions and predictions are locked/).waitFor()
      const start = dialog.getByRole('textbox', { name: 'Actual start of the test' })
      await dialog.getByText('Planned: November 2, 2026. Not after today.').waitFor()
      await start.fill('2026-11-03')
      await start.press('Enter')
      // Enter in the date field does not move the cycle.
      await page.waitForTimeout(300)
      await dialog.waitFor()
      await checkPage(page, 'worksheet-03-move-to-do')
      await dialog.getByRole('button', { name: 'Move to Do' }).click()
      await dialog.waitFor({ state: 'detached' })
      await page.getByRole('navigation', { name: 'Cycle stage: do' }).waitFor()
      await page.getByText('Nov 3, 2026 – ongoing').first().waitFor()

      await page.getByRole('button', { name: 'Move back to Plan' }).click()
      const back = page.getByRole('dialog', { name: 'Move back to Plan?' })
      await back.getByRole('button', { name: 'Move back to Plan' }).click()
      await back.getByText('Say why, in at least 10 characters.').waitFor()
      await back
        .getByRole('textbox', { name: 'Why does the cycle go back?' })
        .fill('We pressed the button a day early.')
      await checkPage(page, 'worksheet-04-move-back')
      await back.getByRole('button', { name: 'Move back to Plan' }).click()
      await back.waitFor({ state: 'detached' })
      await page.getByRole('navigation', { name: 'Cycle stage: plan' }).waitFor()
      const history = page.getByRole('region', { name: 'Version history' })
      await history.getByText('Reason: We pressed the button a day early.').waitFor()
      // Back in Plan, the predictions stay locked: shown, no longer editable.
      await page.getByText('Will more students arrive on time, and stay?').first().waitFor()
      expect(await page.getByRole('textbox', { name: 'Question 1' }).count()).toBe(0)
      await checkPage(page, 'worksheet-05-back-in-plan')
    },
    STEP_TIMEOUT,
  )

  it(
    'fills a new goal’s baseline from the data, shows its source, and Enter does not submit',
    async () => {
      await page.goto(`${baseUrl}${teamPath}`)
      await page.getByRole('button', { name: 'New goal' }).click()
      const dialog = page.getByRole('dialog', { name: 'New equity goal' })
      await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(`From data ${RUN}`)
      await choose(dialog, 'Measure', /chronic absence/i)
      await choose(dialog, 'Focal group', 'English learners')
      await dialog.getByRole('radio', { name: 'All students', exact: true }).check()
      const date = dialog.getByRole('textbox', { name: 'Baseline date' })
      await date.fill('2026-06-01')
      await date.press('Enter')
      await page.waitForTimeout(300)
      await dialog.waitFor()
      const source = dialog.getByTestId('baseline-source')
      await expect.poll(() => source.textContent(), POLL).toMatch(/^From data: .+ \(median of \d+ points, /)
      const filled = await dialog.getByRole('textbox', { name: 'Baseline value' }).inputValue()
      expect(Number(filled)).toBeGreaterThan(0)
      // A typed value is marked as entered by hand, with the data's value one click away.
      await dialog.getByRole('textbox', { name: 'Baseline value' }).fill('24')
      await expect.poll(() => source.textContent(), POLL).toMatch(/^Entered by hand; the data give: /)
      await dialog.getByRole('button', { name: 'Use the data’s value' }).click()
      expect(await dialog.getByRole('textbox', { name: 'Baseline value' }).inputValue()).toBe(filled)
      await checkPage(page, 'worksheet-06-goal-from-data')
      await page.keyboard.press('Escape')
    },
    STEP_TIMEOUT,
  )
})

// The core workflow of a school improvement team, end to end in a real browser against the built server:
// sign in → write an equity goal → map its driver diagram → plan a PDSA cycle for a change idea → take it
// through Plan, Do, Study and Act with the checks a coach expects → see it complete on the board; a coach's
// feedback that needs a response; data entry for a measure; sign out.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { launchBrowser, signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const TEAM_LEAD = demoEmail('Team lead')
const COACH = demoEmail('Coach')

/** How long to wait for a saved value to come back (vitest's default is 1 s). */
const POLL = { timeout: 15_000 }

// Unique per run, so a rerun against the same database never finds the previous run's records.
const RUN = Date.now().toString(36).slice(-5)
const GOAL_TITLE = `Chronic absence of English learners ${RUN}`
const PRIMARY = `Family partnership ${RUN}`
const SECONDARY = `Personal outreach after the 2nd absence ${RUN}`
const IDEA = `Home-language text after the 2nd absence ${RUN}`
const CYCLE_TITLE = `Home-language texts — one advisory ${RUN}`

/**
 * Types into a narrative section of the worksheet (a textarea, or the collaborative editor: both are
 * textboxes named after the section), leaves it, and waits until the page says the text is saved.
 */
async function writeNarrative(page: Page, name: string, text: string) {
  const box = page.getByRole('textbox', { name, exact: true })
  await box.click()
  await page.keyboard.type(text)
  await page.keyboard.press('Tab')
  const saveState = async () => {
    if ((await page.getByText('Saving…', { exact: true }).count()) > 0) return 'saving'
    if ((await page.getByText(/^(Not saved|Unsent changes)/).count()) > 0) return 'not saved'
    const saved = await page.getByText(/^(Saved|All changes saved)$/).count()
    return saved > 0 ? 'saved' : 'pending'
  }
  await expect.poll(saveState, POLL).toBe('saved')
  expect(await box.evaluate((el) => (el as HTMLTextAreaElement).value ?? el.textContent)).toContain(text)
}

/** Waits for a green notification with this message (mutations report success this way). */
/** Waits until a worksheet part that saves itself says its changes reached the server. */
async function allSaved(page: Page, part: string) {
  await expect
    .poll(() => page.getByRole('status', { name: part }).textContent(), POLL)
    .toBe('All changes saved')
}

async function notified(page: Page, message: string | RegExp) {
  await page.getByRole('alert').filter({ hasText: message }).first().waitFor()
}

/** Picks an option of a SegmentedControl (its radios are visually hidden behind their labels). */
async function segment(page: Page, group: string, option: string) {
  const radiogroup = page.getByRole('radiogroup', { name: group })
  await radiogroup
    .locator('label')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click()
  await expect
    .poll(() => radiogroup.getByRole('radio', { name: option, exact: true }).isChecked(), POLL)
    .toBe(true)
}

/** Presses the stage button, then confirms the move in its dialog (which shows the date it sets). */
async function moveTo(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click()
  const dialog = page.getByRole('dialog', { name: `${button}?` })
  await dialog.getByRole('button', { name: button }).click()
}

/** Closes the stage dialog after a refusal, to edit the worksheet. */
async function cancelMove(page: Page) {
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** The refusal listed under the transition button when a stage cannot be left yet. */
function refusal(page: Page, stage: string) {
  return page.getByRole('alert').filter({ hasText: `Before moving to ${stage}:` })
}

async function stageIs(page: Page, stage: string) {
  await page.getByRole('navigation', { name: `Cycle stage: ${stage}` }).waitFor()
}

describe('core workflow of a school team', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let teamPath = ''
  let goalPath = ''
  let cyclePath = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
  })

  // The steps build on each other: once one fails, the later ones fail at once instead of timing out.
  let failedStep: string | null = null
  beforeEach(() => {
    if (failedStep) throw new Error(`Not run: the step “${failedStep}” failed.`)
  })
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && !failedStep) {
      failedStep = ctx.task.name
      await saveScreenshot(page, 'workflow-failed-step').catch(() => undefined)
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('signs the team lead in and opens the team workspace', async () => {
    await page.goto(`${baseUrl}/login`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await checkPage(page, 'workflow-01-sign-in')
    await signInAs(page, baseUrl, TEAM_LEAD, DEMO_PASSWORD)
    expect(new URL(page.url()).pathname).toMatch(/^\/teams\/[0-9a-f-]{36}$/)
    teamPath = new URL(page.url()).pathname
    await page.getByRole('heading', { name: 'Equity goals' }).waitFor()
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    await checkPage(page, 'workflow-02-team')
  })

  it('creates an equity goal with its aim, groups, baseline and target', async () => {
    await page.getByRole('button', { name: 'New goal' }).click()
    const dialog = page.getByRole('dialog', { name: 'New equity goal' })
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(GOAL_TITLE)
    await choose(dialog, 'Measure', /chronic absence/i)
    await choose(dialog, 'Focal group', 'English learners')
    await dialog.getByRole('radio', { name: 'All students', exact: true }).check()
    await dialog.getByRole('textbox', { name: 'Baseline value' }).fill('24.5')
    await dialog.getByRole('textbox', { name: 'Baseline date' }).fill('2026-06-01')
    await dialog.getByRole('textbox', { name: 'Target value' }).fill('15')
    await dialog.getByRole('textbox', { name: 'Target date' }).fill('2027-06-01')
    await dialog.getByRole('textbox', { name: 'Baseline gap (optional)' }).fill('9.5')
    await dialog.getByRole('textbox', { name: 'Target gap (optional)' }).fill('4')
    // The composed aim statement reads back what was entered: what, for whom, compared with whom, how much.
    const aim = dialog.getByText(/^By June 1, 2027, reduce /)
    await aim.waitFor()
    const statement = await aim.textContent()
    expect(statement).toMatch(/for English learners at Harbor Middle/i)
    expect(statement).toContain('from 24.5% to 15.0%')
    expect(statement).toContain('narrow the gap with all students from 9.5 to 4.0 points')
    // Checked with a date picker's calendar open, so that its controls are checked too.
    await dialog.getByRole('textbox', { name: 'Target date' }).click()
    await page.getByRole('button', { name: 'Next month' }).waitFor()
    // Once its fade-in is over (axe would measure contrast half-transparent).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
    await checkPage(page, 'workflow-03-goal-form')
    // Focus back on the title closes the calendar.
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).click()
    await page.getByRole('button', { name: 'Next month' }).waitFor({ state: 'hidden' })
    await dialog.getByRole('button', { name: 'Create goal' }).click()
    await page.waitForURL(/\/goals\/[0-9a-f-]{36}$/)
    goalPath = new URL(page.url()).pathname
    await page.getByRole('heading', { name: GOAL_TITLE, level: 1 }).waitFor()
    await page
      .getByText(/24\.5%/)
      .first()
      .waitFor()

    await page.goto(`${baseUrl}${teamPath}`)
    const goals = page.getByRole('region', { name: 'Equity goals' })
    await goals.getByRole('link', { name: GOAL_TITLE }).waitFor()
    expect(await goals.getByText(/English learners/).count()).toBeGreaterThan(0)
  })

  it('maps the goal’s drivers: primary → secondary → change idea', async () => {
    await page.goto(`${baseUrl}${goalPath}`)
    await page.getByRole('heading', { name: 'Driver diagram' }).first().waitFor()
    await checkPage(page, 'workflow-04-goal')
    // The goal page draws the live diagram; drivers are edited in its outline.
    await page.getByRole('tab', { name: 'Outline and editing' }).click()
    await checkPage(page, 'workflow-05-goal-empty-outline')

    await page.getByRole('button', { name: 'Add a primary driver' }).click()
    let dialog = page.getByRole('dialog', { name: 'Add a primary driver' })
    await dialog.getByRole('textbox', { name: 'Driver', exact: true }).fill(PRIMARY)
    await dialog.getByRole('button', { name: 'Add driver' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: PRIMARY }).waitFor()

    await page.getByRole('button', { name: `Add secondary driver under ${PRIMARY}` }).click()
    dialog = page.getByRole('dialog', { name: 'Add a secondary driver' })
    await dialog.getByRole('textbox', { name: 'Driver', exact: true }).fill(SECONDARY)
    await dialog.getByRole('button', { name: 'Add driver' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: SECONDARY }).waitFor()

    await page.getByRole('button', { name: `Add change idea for ${SECONDARY}` }).click()
    dialog = page.getByRole('dialog', { name: 'Add a change idea' })
    await dialog.getByRole('textbox', { name: 'Change idea', exact: true }).fill(IDEA)
    await dialog.getByRole('button', { name: 'Add change idea' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page
      .getByRole('list', { name: `Change ideas for ${SECONDARY}` })
      .getByText(IDEA, { exact: true })
      .waitFor()
    await checkPage(page, 'workflow-06-goal-outline')
  })

  it('plans a new PDSA cycle for the change idea', async () => {
    await page.goto(`${baseUrl}${teamPath}`)
    await page.getByRole('button', { name: 'New cycle' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New PDSA cycle' })
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(CYCLE_TITLE)
    await choose(dialog, 'Change idea', IDEA)
    // Choosing the idea fills in its goal.
    expect(await dialog.getByRole('combobox', { name: 'Goal', exact: true }).inputValue()).toBe(GOAL_TITLE)
    await dialog.getByRole('textbox', { name: 'Scale of the test' }).fill('One advisory class')
    await dialog.getByRole('textbox', { name: 'Planned start' }).fill('2026-11-02')
    await dialog.getByRole('textbox', { name: 'Planned end' }).fill('2026-11-20')
    await dialog.getByRole('textbox', { name: 'Planned end' }).press('Tab')
    await dialog.getByRole('button', { name: 'Create cycle' }).click()
    await page.waitForURL(/\/cycles\/[0-9a-f-]{36}$/)
    cyclePath = new URL(page.url()).pathname
    await page.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()
    await stageIs(page, 'Plan')
  })

  it('refuses to start the test without predictions, then starts it once the plan is complete', async () => {
    await writeNarrative(page, 'Objective', 'Find out whether families answer a text in their home language.')
    await page.getByRole('button', { name: 'Add question' }).click()
    await page.getByRole('textbox', { name: 'Question 1' }).fill('Will more families reply within a day?')
    await allSaved(page, 'Questions and predictions')
    await checkPage(page, 'workflow-07-cycle-plan')

    await moveTo(page, 'Move to Do')
    await refusal(page, 'Do').getByText('Write a prediction for question 1 before the test starts.').waitFor()
    await stageIs(page, 'Plan')
    await saveScreenshot(page, 'workflow-08-cycle-plan-refused')
    await cancelMove(page)

    await page.getByRole('textbox', { name: 'Prediction', exact: true }).fill('Eight of ten families reply.')
    await allSaved(page, 'Questions and predictions')
    await writeNarrative(page, 'Predictions', 'Texts in Spanish and Vietnamese get more replies.')
    await writeNarrative(page, 'Who, what, when, where', 'Ms. Rivera texts the families of her advisory.')

    await page.getByRole('button', { name: 'Link a measure' }).click()
    await choose(page, 'Measure 1', /chronic absence/i)
    await allSaved(page, 'Linked measures')

    await moveTo(page, 'Move to Do')
    await stageIs(page, 'Do')
    await refusal(page, 'Do').waitFor({ state: 'detached' })
    await checkPage(page, 'workflow-09-cycle-do')
  })

  it('records the test, studies the results and moves to Act', async () => {
    // Radios that save at once: click, then the saved value comes back checked.
    await page.getByRole('radio', { name: 'Yes, as planned' }).click()
    await notified(page, 'Saved.')
    await expect.poll(() => page.getByRole('radio', { name: 'Yes, as planned' }).isChecked(), POLL).toBe(true)
    await writeNarrative(page, 'What happened', 'All ten families got a text on the day of the 2nd absence.')
    await moveTo(page, 'Move to Study')
    await stageIs(page, 'Study')
    await checkPage(page, 'workflow-10-cycle-study')

    await page.getByRole('textbox', { name: 'Result', exact: true }).fill('Seven of ten families replied.')
    await segment(page, 'Prediction confirmed?', 'Partly')
    await allSaved(page, 'Results')
    await segment(page, 'Were the predictions confirmed overall?', 'Partly')
    await notified(page, 'Saved.')
    await moveTo(page, 'Move to Act')
    await stageIs(page, 'Act')
    await checkPage(page, 'workflow-11-cycle-act')
  })

  it('refuses to complete without a decision, then completes with one', async () => {
    await writeNarrative(page, 'Rationale and next cycle', 'Adapt: add a follow-up call for families.')
    await moveTo(page, 'Complete the cycle')
    await refusal(page, 'Complete').getByText('Decide to adopt, adapt or abandon the change.').waitFor()
    await stageIs(page, 'Act')
    await cancelMove(page)

    await page.getByRole('radio', { name: /^Adapt/ }).click()
    await notified(page, 'Decision saved.')
    await expect.poll(() => page.getByRole('radio', { name: /^Adapt/ }).isChecked(), POLL).toBe(true)
    await moveTo(page, 'Complete the cycle')
    await page.getByText('This cycle is complete. Plan the next cycle to keep testing.').waitFor()
    await checkPage(page, 'workflow-12-cycle-complete')

    await page.goto(`${baseUrl}${teamPath}`)
    const complete = page.getByRole('region', { name: 'Complete', exact: true })
    await complete.getByRole('link', { name: CYCLE_TITLE }).waitFor()
    expect(await page.getByRole('region', { name: 'Plan', exact: true }).getByText(CYCLE_TITLE).count()).toBe(
      0,
    )
  })

  it('enters data for the linked measure', async () => {
    await page.getByRole('link', { name: 'Measures and data' }).click()
    await page.getByRole('heading', { name: 'Measures and data', level: 1 }).waitFor()
    await checkPage(page, 'workflow-13-measures')
    await page
      .getByRole('link', { name: /chronic absence/i })
      .first()
      .click()
    await page.getByRole('heading', { name: 'Enter data' }).waitFor()
    const numerator = page.getByRole('textbox', { name: /^Numerator, English learners/i }).first()
    const denominator = page.getByRole('textbox', { name: /^Denominator, English learners/i }).first()
    const cell = (await numerator.getAttribute('aria-label'))?.replace(/^Numerator, /, '') ?? ''
    await numerator.fill('7')
    await denominator.fill('40')
    await page.getByText('unsaved change', { exact: false }).waitFor()
    await checkPage(page, 'workflow-14-measure-entry')
    await page.getByRole('button', { name: 'Save data' }).click()
    await notified(page, /^Saved: /)
    await page.getByText('No unsaved changes').waitFor()
    expect(await page.getByRole('textbox', { name: `Numerator, ${cell}` }).inputValue()).toBe('7')
  })

  it('signs out; a protected page then asks to sign in', async () => {
    await page.getByRole('button', { name: /Account menu$/ }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto(`${baseUrl}${cyclePath}`)
    const url = new URL(page.url())
    expect(url.pathname).toBe('/login')
    expect(url.searchParams.get('redirectTo')).toBe(cyclePath)
  })

  it('a coach’s feedback that needs a response shows on the cycle and the board until the team answers', async () => {
    await signInAs(page, baseUrl, COACH, DEMO_PASSWORD)
    await page.goto(`${baseUrl}${cyclePath}`)
    const comments = page.getByRole('region', { name: 'Comments and feedback' })
    await comments.getByRole('textbox', { name: 'New comment' }).fill('What will the follow-up call ask?')
    await comments.getByRole('checkbox', { name: 'The team must respond' }).check()
    await comments.getByRole('button', { name: 'Comment', exact: true }).click()
    await notified(page, 'Comment posted.')
    await comments.getByText('1 needs response').waitFor()
    await comments.getByText('Awaiting response', { exact: true }).waitFor()
    await checkPage(page, 'workflow-15-cycle-feedback')
    await page.getByRole('button', { name: /Account menu$/ }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')

    await signInAs(page, baseUrl, TEAM_LEAD, DEMO_PASSWORD)
    await page.goto(`${baseUrl}${teamPath}`)
    await page
      .getByRole('article', { name: CYCLE_TITLE })
      .getByText('1 comment awaiting the team’s response')
      .waitFor()
    await page.goto(`${baseUrl}${cyclePath}`)
    const thread = page.getByRole('region', { name: 'Comments and feedback' })
    await thread.getByRole('button', { name: 'Reply', exact: true }).click()
    await thread.getByRole('textbox', { name: 'Your response' }).fill('It asks what time suits the family.')
    await thread.getByRole('button', { name: 'Reply', exact: true }).click()
    await notified(page, 'Reply posted.')
    // The reply does not close it: it waits for the coach to accept the reply.
    await expect.poll(() => thread.getByText('Awaiting response', { exact: true }).count(), POLL).toBe(0)
    await thread.getByText('Replied: awaiting coach', { exact: true }).waitFor()
  })
})

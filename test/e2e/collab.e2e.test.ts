// Real-time co-editing in real browsers against the built server: two members of the Harbor Attendance
// Team type into the same worksheet section of a new cycle and see each other's text, presence and
// named caret; the page says when the edits are saved; the text survives a reload (and is in the
// server-rendered HTML); the team's coach follows along read-only and cannot type.
import { DEMO_PASSWORD, demoEmail } from '@pdsa/demo-district'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { teamPersonEmail, teamPersonName } from '../../packages/demo-district/src/people'
import { launchBrowser, signInAs } from '../utils/browser'
import { expectAccessible } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const TEAM_LEAD = demoEmail('Team lead') // Carmen Reyes, lead of the Harbor Attendance Team
const LEAD_NAME = 'Carmen Reyes'
// Another member of the same team (the team's second person in the demo seed).
const MEMBER = teamPersonEmail('hms-attendance', 1)
const MEMBER_NAME = teamPersonName('hms-attendance', 1)
const COACH = demoEmail('Coach') // Priya Raman coaches the team: read-only in the worksheet
const COACH_NAME = 'Priya Raman'

const RUN = Date.now().toString(36).slice(-5)
const CYCLE_TITLE = `Co-edited family outreach ${RUN}`
const LEAD_TEXT = `Lead ${RUN}: most families reply within a day.`
const MEMBER_TEXT = ` Member ${RUN}: fewer replies on Fridays.`
const LEAD_PREFIX = `Both ${RUN}. `

const SECTION = 'Predictions'
const editorOf = (page: Page) => page.getByRole('textbox', { name: SECTION, exact: true })
const statusOf = (page: Page) => page.getByRole('region', { name: 'Collaboration' })

/** The editor's text without the other people's carets (their name labels are drawn inside it). */
async function textOf(box: Locator): Promise<string> {
  if ((await box.count()) === 0) return ''
  return box.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })
}

/** Polls until the editor's text satisfies `check` (each page converges on its own schedule). */
async function editorText(page: Page, check: (text: string) => boolean, timeout = 15_000) {
  await expect
    .poll(() => textOf(editorOf(page)), { timeout, interval: 100 })
    .toSatisfy((text: string) => check(text))
  return textOf(editorOf(page))
}

async function savedOn(page: Page) {
  await statusOf(page).getByText('All changes saved', { exact: true }).waitFor({ timeout: 15_000 })
}

describe('real-time co-editing of a cycle worksheet', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  let lead: Page
  let member: Page
  let coach: Page
  let cyclePath = ''

  async function signedIn(email: string) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
    contexts.push(context)
    const page = await context.newPage()
    await signInAs(page, baseUrl, email, DEMO_PASSWORD)
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it('the team lead plans a new cycle', async () => {
    lead = await signedIn(TEAM_LEAD)
    expect(new URL(lead.url()).pathname).toMatch(/^\/teams\/[0-9a-f-]{36}$/)
    await lead.getByRole('button', { name: 'New cycle' }).first().click()
    const dialog = lead.getByRole('dialog', { name: 'New PDSA cycle' })
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(CYCLE_TITLE)
    await dialog.getByRole('textbox', { name: 'Planned start' }).fill('2026-11-02')
    await dialog.getByRole('textbox', { name: 'Planned end' }).fill('2026-11-20')
    // Focus back on the title closes the date picker's calendar.
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).click()
    await dialog.getByRole('button', { name: 'Create cycle' }).click()
    await lead.waitForURL(/\/cycles\/[0-9a-f-]{36}$/)
    cyclePath = new URL(lead.url()).pathname
    await lead.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()
    await lead.getByRole('navigation', { name: 'Cycle stage: Plan' }).waitFor()
  })

  it('two members type into the same section and see each other’s text, presence and caret', async () => {
    member = await signedIn(MEMBER)
    await member.goto(`${baseUrl}${cyclePath}`)
    await member.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()

    // Both pages are live and see each other before anyone types.
    await statusOf(lead).getByText('Live', { exact: true }).waitFor()
    await statusOf(member).getByText('Live', { exact: true }).waitFor()
    await statusOf(lead).getByLabel(MEMBER_NAME, { exact: true }).waitFor()
    await statusOf(member).getByLabel(LEAD_NAME, { exact: true }).waitFor()

    await editorOf(lead).click()
    await lead.keyboard.type(LEAD_TEXT)
    await editorText(member, (t) => t.includes(LEAD_TEXT))

    await editorOf(member).click()
    await member.keyboard.press('Control+End')
    await member.keyboard.type(MEMBER_TEXT)
    await editorText(lead, (t) => t.includes(`${LEAD_TEXT}${MEMBER_TEXT}`))
    // The member's caret, with their name, is drawn in the lead's editor.
    await lead
      .locator('.collaboration-carets__label', { hasText: MEMBER_NAME })
      .first()
      .waitFor({ state: 'visible' })

    // Both at once, at the two ends of the same paragraph: the pages converge on the same text.
    await editorOf(lead).click()
    await lead.keyboard.press('Control+Home')
    await Promise.all([lead.keyboard.type(LEAD_PREFIX), member.keyboard.type(' Done.')])
    const expected = `${LEAD_PREFIX}${LEAD_TEXT}${MEMBER_TEXT} Done.`
    await editorText(lead, (t) => t === expected)
    await editorText(member, (t) => t === expected)
    await lead
      .locator('.collaboration-carets__label', { hasText: MEMBER_NAME })
      .first()
      .waitFor({ state: 'visible' })
    await member
      .locator('.collaboration-carets__label', { hasText: LEAD_NAME })
      .first()
      .waitFor({ state: 'visible' })

    await savedOn(lead)
    await savedOn(member)
    await saveScreenshot(lead, 'collab-lead')
    await saveScreenshot(member, 'collab-member')
  })

  it('Enter at the end of the other person’s paragraph starts a new paragraph below it, in turn', async () => {
    // Minutes of a meeting: each person clicks at the end of the line the other one just typed (their
    // caret is still there), presses Enter and types the next line, without waiting.
    const box = (page: Page) => page.getByRole('textbox', { name: 'Hypothesis', exact: true })
    const paragraphs = (page: Page) =>
      box(page).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
        return [...copy.querySelectorAll('p')].map((p) => p.textContent ?? '')
      })
    /** A mouse click just right of the last character of the paragraph that holds `text`. */
    async function clickAtEndOf(page: Page, text: string) {
      await box(page).scrollIntoViewIfNeeded()
      const point = await box(page).evaluate((el, wanted) => {
        // A remote caret may still sit inside the text (its awareness update can trail the edit): read the
        // paragraph without it.
        const withoutCarets = (p: Element) =>
          [...p.childNodes]
            .filter((n) => !(n instanceof Element && n.classList.contains('collaboration-carets__caret')))
            .map((n) => n.textContent ?? '')
            .join('')
        const paragraph = [...el.querySelectorAll('p')].find((p) => withoutCarets(p).includes(wanted))
        const texts = [...(paragraph?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE)
        const last = texts.at(-1)
        if (!last) return null
        const range = document.createRange()
        range.setStart(last, last.textContent?.length ?? 0)
        const rect = range.getBoundingClientRect()
        return { x: rect.right + 1, y: rect.top + rect.height / 2 }
      }, text)
      if (!point) throw new Error(`no paragraph with “${text}”`)
      await page.mouse.click(point.x, point.y)
    }
    const lines = [
      `L0 ${RUN} lead`,
      `L1 ${RUN} member`,
      `L2 ${RUN} lead`,
      `L3 ${RUN} member`,
      `L4 ${RUN} lead`,
    ]
    await box(lead).click()
    await lead.keyboard.type(lines[0] ?? '')
    for (let i = 1; i < lines.length; i++) {
      const writer = i % 2 === 1 ? member : lead
      const previous = lines[i - 1] ?? ''
      await expect.poll(() => paragraphs(writer), { timeout: 15_000, interval: 50 }).toContain(previous)
      await clickAtEndOf(writer, previous)
      await writer.keyboard.press('Enter')
      await writer.keyboard.type(lines[i] ?? '')
    }
    for (const page of [lead, member]) {
      await expect.poll(() => paragraphs(page), { timeout: 15_000, interval: 100 }).toEqual(lines)
    }
  })

  it('has no serious accessibility violations on the co-edited cycle page', async () => {
    await expectAccessible(lead, 'the co-edited cycle page')
  })

  it('the coach follows along read-only: sees the edits and the people, cannot type', async () => {
    coach = await signedIn(COACH)
    await coach.goto(`${baseUrl}${cyclePath}`)
    await coach.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()
    await statusOf(coach).getByText('View only', { exact: true }).waitFor()
    await editorText(coach, (t) => t.includes(LEAD_TEXT) && t.includes(MEMBER_TEXT))
    await expect.poll(() => editorOf(coach).getAttribute('contenteditable')).toBe('false')
    expect(await editorOf(coach).getAttribute('aria-readonly')).toBe('true')
    // Presence works for readers: the team sees the coach, and the coach sees the team.
    await statusOf(lead).getByLabel(COACH_NAME, { exact: true }).waitFor()
    await statusOf(coach).getByLabel(LEAD_NAME, { exact: true }).waitFor()

    await editorOf(coach).click()
    await coach.keyboard.type('COACH WAS HERE')
    // A later edit by the lead reaches the coach; the coach's keystrokes never reached anyone.
    await editorOf(lead).click()
    await lead.keyboard.press('Control+End')
    await lead.keyboard.type(' Checked.')
    await editorText(coach, (t) => t.endsWith(' Checked.'))
    await editorText(member, (t) => t.endsWith(' Checked.'))
    expect(await textOf(editorOf(coach))).not.toContain('COACH')
    expect(await textOf(editorOf(lead))).not.toContain('COACH')
    expect(await textOf(editorOf(member))).not.toContain('COACH')
    await saveScreenshot(coach, 'collab-coach')
  })

  it('keeps the text: after a reload, and in the server-rendered page', async () => {
    await savedOn(lead)
    const expected = `${LEAD_PREFIX}${LEAD_TEXT}${MEMBER_TEXT} Done. Checked.`
    await member.reload()
    await member.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor()
    await editorText(member, (t) => t === expected)
    // The plain text is mirrored into the cycle row (debounced), which the server renders before any
    // socket connects.
    await expect
      .poll(async () => (await member.request.get(`${baseUrl}${cyclePath}`)).text(), {
        timeout: 20_000,
        interval: 500,
      })
      .toContain(expected)
  })

  it('checks what was just typed when someone moves to Do at once', async () => {
    await lead.getByRole('textbox', { name: 'Objective', exact: true }).click()
    await lead.keyboard.type(`Learn whether a text in the home language gets replies ${RUN}.`)
    // No waiting for "saved": confirming waits for the server to store the edit before asking.
    await lead.getByRole('button', { name: 'Move to Do' }).click()
    await lead
      .getByRole('dialog', { name: 'Move to Do?' })
      .getByRole('button', { name: 'Move to Do' })
      .click()
    await lead.getByText('Before moving to Do:').first().waitFor()
    // Refused for the missing question only, not for the objective typed a moment ago.
    await lead.getByText('Add at least one question this test should answer.').first().waitFor()
    expect(await lead.getByText('State the objective of the cycle.').count()).toBe(0)
    await lead.getByRole('navigation', { name: 'Cycle stage: Plan' }).waitFor()
  })
})

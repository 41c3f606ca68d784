// The screenshots in docs/screenshots/ and the README, taken from the demo district in one command
// (`pnpm screenshots`: build, then this file): the linked-metric view (the cycle page's chart), the goal
// page, the coach portfolio and the equity matrix, each at 1440 × 900 and 390 × 844, as what the window
// shows on arrival (or with the chart scrolled into view). Each page is also checked with axe.
import { DEMO_PASSWORD, demoEmail } from '@pdsa/demo-district'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, signInAs } from '../utils/browser'
import { expectAccessible } from '../utils/e2e'
import { saveDocsScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const GOAL = 'Reduce chronic absence among Black students'
const CYCLE = 'Check & Connect mentoring — school-wide'
const SLOW = 300_000

let browser: Browser
const paths = { goal: '', cycle: '' }

async function newPage(width: number, height: number, role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 600 })
  const page = await context.newPage()
  // Generous: the browser tests share a busy machine.
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(90_000)
  await signInAs(page, baseUrl, demoEmail(role), DEMO_PASSWORD)
  return page
}

/** Waits until recharts has drawn the chart in `scope` (and its window tags, when it has cycles). */
async function chartDrawn(page: Page, region: string) {
  const section = page.getByRole('region', { name: region }).first()
  await section.locator('svg.recharts-surface').first().waitFor()
  return section
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
  await page.context().close()
}, SLOW)

afterAll(async () => {
  await browser?.close()
})

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])('at $width × $height', ({ width, height }) => {
  it('the linked-metric view: the cycle page’s chart', { timeout: SLOW }, async () => {
    const page = await newPage(width, height, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.cycle}`)
      const section = await chartDrawn(page, 'Linked measures')
      await section.locator('[data-verdict-headline]').first().waitFor()
      // The chart's top (its caption) just under the app's fixed header.
      await section
        .locator('figure')
        .first()
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72))
      await saveDocsScreenshot(page, 'linked-metric-view')
      if (width === 1440) {
        // The README's picture of the product.
        await page.screenshot({ path: 'docs/screenshots/linked-metric.png', fullPage: false })
      }
      await expectAccessible(page, `cycle page at ${width} px`)
    } finally {
      await page.context().close()
    }
  })

  it('the goal page', { timeout: SLOW }, async () => {
    const page = await newPage(width, height, 'Team lead')
    try {
      await page.goto(`${baseUrl}${paths.goal}`)
      await page.getByRole('heading', { name: GOAL, level: 1 }).waitFor()
      await chartDrawn(page, 'Progress and equity gap')
      await saveDocsScreenshot(page, 'goal-page')
      await expectAccessible(page, `goal page at ${width} px`)
    } finally {
      await page.context().close()
    }
  })

  it('the coach portfolio: the cycles and their feedback action in view on arrival', {
    timeout: SLOW,
  }, async () => {
    const page = await newPage(width, height, 'Coach')
    try {
      await page.goto(`${baseUrl}/coach`)
      const action = page.getByRole('button', { name: /^Give feedback on / }).first()
      await action.waitFor()
      const box = await action.boundingBox()
      expect(box).not.toBeNull()
      if (width >= 1280) {
        // The coach's main action is in the first screen, inside the window.
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height)
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width)
      }
      await saveDocsScreenshot(page, 'coach-portfolio')
      await expectAccessible(page, `coach portfolio at ${width} px`)
    } finally {
      await page.context().close()
    }
  })

  it('the equity matrix', { timeout: SLOW }, async () => {
    const page = await newPage(width, height, 'District leader')
    try {
      await page.goto(`${baseUrl}/district/equity`)
      await page.getByRole('table', { name: 'Equity goals by school and student group' }).waitFor()
      await saveDocsScreenshot(page, 'equity-matrix')
      await expectAccessible(page, `equity matrix at ${width} px`)
    } finally {
      await page.context().close()
    }
  })
})

// Shared pieces of the browser tests: a vitest `test` with a headless Chromium per file and a fresh
// signed-out page per test, the accessibility-plus-screenshot check every screen gets, and the way to
// pick an option of a Mantine Select.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { test as baseTest, expect } from 'vitest'
import { seriousA11yViolations } from './axe'
import { launchBrowser } from './browser'
import { saveScreenshot } from './screenshots'

export { demoEmail } from '@pdsa/demo-district'

/**
 * `it` with fixtures: `browser` (one Chromium per test file), and per test a fresh `context` (own
 * cookies, 1440 × 900, downloads accepted) and `page` (15 s default timeout).
 */
export const browserTest = baseTest.extend<{
  browser: Browser
  context: BrowserContext
  page: Page
}>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const browser = await launchBrowser()
      await use(browser)
      await browser.close()
    },
    { scope: 'file' },
  ],
  context: async ({ browser }, use) => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    })
    await use(context)
    await context.close()
  },
  page: async ({ context }, use) => {
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    // Every page must work under the Content-Security-Policy (server/security-headers.ts): a
    // violation fails the test that caused it.
    const violations: string[] = []
    page.on('console', (message) => {
      const text = message.text()
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text))
        violations.push(text)
    })
    // …and every page must hydrate what the server rendered: a mismatch (React's errors #418, #419, #423,
    // #425) makes React throw the server's HTML away and render again, and a click in between is lost.
    const pageErrors: string[] = []
    page.on('pageerror', (error) => {
      if (/Minified React error #(418|419|423|425)\b|[Hh]ydrat/.test(error.message))
        pageErrors.push(error.message)
    })
    await use(page)
    expect(violations, 'Content-Security-Policy violations in the browser console').toEqual([])
    expect(
      pageErrors,
      'hydration errors (the server-rendered page differed from the first render in the browser)',
    ).toEqual([])
  },
})

/** No serious or critical WCAG 2.1 A/AA violation on the page. */
export async function expectAccessible(page: Page, what: string) {
  // A dialog or menu that is still fading in has, for a moment, the contrast of a half-transparent layer:
  // wait for the finite transitions (not the spinners' endless ones) to end, at most 3 s.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      null,
      { timeout: 3_000 },
    )
    .catch(() => {})
  expect(await seriousA11yViolations(page), `accessibility of ${what}`).toEqual([])
}

/** No serious or critical WCAG 2.1 A/AA violation; a full-page screenshot in the test output. */
export async function checkPage(page: Page, screenshotName: string) {
  await expectAccessible(page, screenshotName)
  await saveScreenshot(page, screenshotName)
}

/** Picks an option of the Mantine Select / MultiSelect named `label` inside `scope` (its list is a portal). */
export async function choose(scope: Page | Locator, label: string, option: string | RegExp) {
  const page = 'keyboard' in scope ? scope : scope.page()
  await scope.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option }).first().click()
}

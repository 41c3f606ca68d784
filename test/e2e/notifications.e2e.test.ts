// Issue 14: a coach asks the team to respond; the team lead, already on a page in another browser, sees
// the bell's count rise without reloading (server-sent events), opens the notification and lands on the
// comment. The bell's popover and the notifications page pass axe; no CSP violation on the way.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, demoEmail, expectAccessible, browserTest as it } from '../utils/e2e'

const baseUrl = inject('e2eBaseUrl')
const COACH = demoEmail('Coach')
const LEAD = demoEmail('Team lead')
const RUN = Date.now().toString(36).slice(-5)
const SLOW = { timeout: 300_000 }

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / })
async function unreadOf(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? ''
  const match = /(\d+) unread/.exec(label)
  return match ? Number(match[1]) : 0
}

describe('notifications', () => {
  it(
    'the team lead sees new feedback arrive live and lands on the comment',
    SLOW,
    async ({ browser, page }) => {
      page.setDefaultTimeout(30_000)
      // The team lead, on their team's page, stays there: nothing reloads from here on.
      await signInAs(page, baseUrl, LEAD, DEMO_PASSWORD)
      const cycleLink = page.locator('main a[href^="/cycles/"]').first()
      await cycleLink.waitFor()
      const cyclePath = (await cycleLink.getAttribute('href')) as string
      await bell(page).waitFor()
      const before = await unreadOf(page)
      let reloaded = false
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) reloaded = true
      })

      // The coach, in a browser of their own, asks the team to respond.
      const coachContext = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const coach = await coachContext.newPage()
      coach.setDefaultTimeout(30_000)
      await signInAs(coach, baseUrl, COACH, DEMO_PASSWORD)
      await coach.goto(`${baseUrl}${cyclePath}`)
      const comments = coach.getByRole('region', { name: 'Comments and feedback' })
      const ask = `Which family will you call first? (${RUN})`
      await comments.getByRole('textbox', { name: 'New comment' }).fill(ask)
      await comments.getByRole('checkbox', { name: 'The team must respond' }).check()
      await comments.getByRole('button', { name: 'Comment', exact: true }).click()
      await coach.getByRole('article').filter({ hasText: ask }).waitFor()
      await coachContext.close()

      // The lead's bell rises on its own.
      await expect.poll(() => unreadOf(page), { timeout: 20_000, interval: 200 }).toBe(before + 1)
      expect(reloaded).toBe(false)

      // The popover lists it first; axe on the bell and the list.
      await bell(page).click()
      const popover = page.getByRole('dialog', { name: 'Notifications' })
      const item = popover.getByRole('link', { name: /Priya Raman asks your team to respond/ }).first()
      await item.waitFor()
      await expectAccessible(page, 'the notification bell and its list')
      await item.click()

      // It opens the cycle at the comment, highlighted, and is read now.
      await page.waitForURL(/\/cycles\/[^#]+#comment-/)
      const id = new URL(page.url()).hash.slice(1)
      const target = page.locator(`[id="${id}"]`)
      await expect.poll(() => target.getAttribute('data-link-target'), { timeout: 15_000 }).toBe('true')
      expect(await target.textContent()).toContain(ask)
      expect(await target.evaluate((el) => document.activeElement === el)).toBe(true)
      await expect.poll(() => unreadOf(page), { timeout: 15_000 }).toBe(before)

      // The full list, and the settings page reached from the account menu.
      await page.goto(`${baseUrl}/notifications`)
      await page
        .getByRole('list', { name: 'Notifications' })
        .getByRole('link', { name: /asks your team/ })
        .first()
        .waitFor()
      await checkPage(page, 'notifications-list')
      await page.getByRole('button', { name: /Account menu/ }).click()
      await page.getByRole('menuitem', { name: 'Notification settings' }).click()
      await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor()
      await checkPage(page, 'notification-settings')
    },
  )
})

// Two people editing the same worksheet list (ADR 032): the second save, based on the list before the
// first, is refused; the page keeps the edit, says why, and offers to load the other version.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, signInAs } from '../utils/browser'
import { demoEmail, expectAccessible } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const POLL = { timeout: 30_000 }
const RUN = Date.now().toString(36).slice(-5)

let browser: Browser

async function openAsLead(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  page.setDefaultNavigationTimeout(60_000)
  await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
  return page
}

async function allSaved(page: Page, part: string) {
  await expect
    .poll(() => page.getByRole('status', { name: part }).textContent(), POLL)
    .toBe('All changes saved')
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('two people save the same list', () => {
  it('refuses the save based on the older list, keeps the edit, and loads the other version on request', async () => {
    const first = await openAsLead()
    const teamId = /\/teams\/([0-9a-f-]{36})/.exec(first.url())?.[1]
    expect(teamId).toBeTruthy()
    const created = await first.evaluate(
      async ({ teamId, title }) => {
        const w = window as unknown as {
          __reactRouterDataRouter?: {
            state: { loaderData: Record<string, { csrfToken?: string } | undefined> }
          }
        }
        const token = w.__reactRouterDataRouter?.state.loaderData.root?.csrfToken ?? ''
        const res = await fetch('/api/trpc/cycle.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({
            json: {
              teamId,
              title,
              purpose: 'test_a_change',
              scale: 'One advisory class',
              plannedStart: '2026-11-02',
              plannedEnd: '2026-11-20',
            },
          }),
        })
        const body = (await res.json()) as { result?: { data?: { json?: { id: string } } } }
        return body.result?.data?.json?.id ?? ''
      },
      { teamId, title: `Two editors ${RUN}` },
    )
    expect(created).not.toBe('')
    const second = await openAsLead()
    try {
      // Both open the worksheet before either edits.
      await first.goto(`${baseUrl}/cycles/${created}`)
      await second.goto(`${baseUrl}/cycles/${created}`)
      await first.getByRole('button', { name: 'Add task' }).waitFor()
      await second.getByRole('button', { name: 'Add task' }).waitFor()

      await first.getByRole('button', { name: 'Add task' }).click()
      await first.getByRole('textbox', { name: 'Task 1: what' }).fill('Print the greeting cards')
      await allSaved(first, 'Tasks')

      await second.getByRole('button', { name: 'Add task' }).click()
      await second.getByRole('textbox', { name: 'Task 1: what' }).fill('Call the families')
      const refused = second.getByRole('alert').filter({ hasText: 'Tasks: not saved' })
      await refused.getByText(/Someone else saved the tasks of this cycle/).waitFor()
      // The edit is still there, and leaving would ask.
      expect(await second.getByRole('textbox', { name: 'Task 1: what' }).inputValue()).toBe(
        'Call the families',
      )
      await expectAccessible(second, 'a refused save')
      await saveScreenshot(second, 'worksheet-autosave-conflict')

      await refused.getByRole('button', { name: 'Load their version' }).click()
      await expect
        .poll(() => second.getByRole('textbox', { name: 'Task 1: what' }).inputValue(), POLL)
        .toBe('Print the greeting cards')
      await allSaved(second, 'Tasks')
    } finally {
      await first.context().close()
      await second.context().close()
    }
  }, 300_000)
})

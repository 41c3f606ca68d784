// Co-editing when the network dies without the socket closing, and reopening a cycle offline. The team
// lead's browser reaches the server through a TCP proxy that the test freezes (no byte passes either
// way, nothing is closed, new connections are refused) — not only the browser's offline flag.
import { DEMO_PASSWORD, demoEmail } from '@pdsa/demo-district'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { teamPersonEmail, teamPersonName } from '../../packages/demo-district/src/people'
import { launchBrowser, signInAs } from '../utils/browser'
import { expectAccessible } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy'

const baseUrl = inject('e2eBaseUrl')
const TEAM_LEAD = demoEmail('Team lead')
const LEAD_NAME = 'Carmen Reyes'
const MEMBER = teamPersonEmail('hms-attendance', 1)
const MEMBER_NAME = teamPersonName('hms-attendance', 1)
const RUN = Date.now().toString(36).slice(-5)
const CYCLE_TITLE = `Offline-ready outreach ${RUN}`
const OFFLINE_TITLE = 'Offline — your changes are kept on this device'

const editorOf = (page: Page, name = 'Predictions') => page.getByRole('textbox', { name, exact: true })
const statusOf = (page: Page) => page.getByRole('region', { name: 'Collaboration' })
const textOf = (page: Page, name?: string) =>
  editorOf(page, name).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })

describe('co-editing through a dead network, and a cycle reopened offline', () => {
  let browser: Browser
  let proxy: TcpProxy
  const contexts: BrowserContext[] = []
  let leadContext: BrowserContext
  let lead: Page
  let member: Page
  let cyclePath = ''
  let leadBase = ''
  const figures: Record<string, number> = {}

  beforeAll(async () => {
    browser = await launchBrowser()
    const target = new URL(baseUrl)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) })
    leadBase = `http://127.0.0.1:${proxy.port}`
  })

  afterAll(async () => {
    console.info('Collaboration network figures (ms, measured on a busy machine):', figures)
    for (const c of contexts) await c.close()
    await browser?.close()
    await proxy?.close()
  })

  it('the lead (through the proxy) and a member (direct) open a new cycle together', async () => {
    leadContext = await browser.newContext({ viewport: { width: 1360, height: 900 } })
    contexts.push(leadContext)
    lead = await leadContext.newPage()
    await signInAs(lead, leadBase, TEAM_LEAD, DEMO_PASSWORD)
    await lead.getByRole('button', { name: 'New cycle' }).first().click()
    const dialog = lead.getByRole('dialog', { name: 'New PDSA cycle' })
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(CYCLE_TITLE)
    await dialog.getByRole('textbox', { name: 'Planned start' }).fill('2026-11-02')
    await dialog.getByRole('textbox', { name: 'Planned end' }).fill('2026-11-20')
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).click()
    await dialog.getByRole('button', { name: 'Create cycle' }).click()
    await lead.waitForURL(/\/cycles\/[0-9a-f-]{36}$/)
    cyclePath = new URL(lead.url()).pathname

    const memberContext = await browser.newContext({ viewport: { width: 1360, height: 900 } })
    contexts.push(memberContext)
    member = await memberContext.newPage()
    await signInAs(member, baseUrl, MEMBER, DEMO_PASSWORD)
    await member.goto(`${baseUrl}${cyclePath}`)
    await statusOf(lead).getByText('Live', { exact: true }).waitFor()
    await statusOf(member).getByText('Live', { exact: true }).waitFor()
    await statusOf(lead).getByLabel(MEMBER_NAME, { exact: true }).waitFor()
    await statusOf(member).getByLabel(LEAD_NAME, { exact: true }).waitFor()
    await editorOf(lead).click()
    await lead.keyboard.type(`Online ${RUN}.`)
    await expect.poll(() => textOf(member), { timeout: 15_000 }).toContain(`Online ${RUN}.`)
    await statusOf(lead).getByText('All changes saved', { exact: true }).waitFor({ timeout: 15_000 })
  })

  it('notices a dead network within 5 s, and the others stop seeing the lead', async () => {
    proxy.freeze()
    const cutAt = Date.now()
    await statusOf(lead).getByText(OFFLINE_TITLE).waitFor({ timeout: 5_000 })
    figures.noticeOffline = Date.now() - cutAt
    expect(await statusOf(lead).getByText('Live', { exact: true }).count()).toBe(0)
    await expect
      .poll(() => statusOf(member).getByLabel(LEAD_NAME, { exact: true }).count(), { timeout: 10_000 })
      .toBe(0)
    figures.othersSeeLeadGone = Date.now() - cutAt

    // Editing goes on offline: the page says what will be sent later.
    await editorOf(lead).click()
    await lead.keyboard.press('Control+End')
    await lead.keyboard.type(` Offline ${RUN}.`)
    await statusOf(lead)
      .getByText('Your edits to Predictions will be sent to the team when the connection is back.')
      .waitFor()
    await saveScreenshot(lead, 'collab-offline-dead-network')
    await expectAccessible(lead, 'the cycle page while offline')

    proxy.thaw()
    const backAt = Date.now()
    await expect.poll(() => textOf(member), { timeout: 20_000, interval: 50 }).toContain(`Offline ${RUN}.`)
    figures.convergeAfterReconnect = Date.now() - backAt
    await statusOf(lead).getByText('All changes saved', { exact: true }).waitFor({ timeout: 20_000 })
    await statusOf(member).getByLabel(LEAD_NAME, { exact: true }).waitFor({ timeout: 20_000 })
  })

  it('reopens the cycle page offline after a visit, edits it, and the edit reaches the member later', async () => {
    // The page was visited online: the worker is installed and has kept the page.
    await lead.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await expect
      .poll(
        () =>
          lead.evaluate(async (path) => {
            for (const name of await caches.keys()) {
              if (!name.startsWith('pdsa-pages-')) continue
              const cache = await caches.open(name)
              if (await cache.match(path)) return true
            }
            return false
          }, cyclePath),
        { timeout: 15_000 },
      )
      .toBe(true)

    proxy.freeze()
    await leadContext.setOffline(true)
    await lead.reload()
    await lead.getByRole('heading', { name: CYCLE_TITLE, level: 1 }).waitFor({ timeout: 15_000 })
    await statusOf(lead).getByText(OFFLINE_TITLE).waitFor({ timeout: 15_000 })
    await expect.poll(() => textOf(lead), { timeout: 15_000 }).toContain(`Offline ${RUN}.`)
    await editorOf(lead).click()
    await lead.keyboard.press('Control+End')
    await lead.keyboard.type(` Reopened ${RUN}.`)
    await statusOf(lead)
      .getByText('Your edits to Predictions will be sent to the team when the connection is back.')
      .waitFor()
    await saveScreenshot(lead, 'collab-offline-reopened')
    await expectAccessible(lead, 'the cycle page reopened offline')

    await leadContext.setOffline(false)
    proxy.thaw()
    const backAt = Date.now()
    await expect.poll(() => textOf(member), { timeout: 20_000, interval: 50 }).toContain(`Reopened ${RUN}.`)
    figures.convergeAfterOfflineReload = Date.now() - backAt
    await statusOf(lead).getByText('All changes saved', { exact: true }).waitFor({ timeout: 20_000 })
  })

  it('signing out deletes every cache and local copy', async () => {
    await lead.reload()
    await statusOf(lead).getByText('Live', { exact: true }).waitFor({ timeout: 15_000 })
    await lead.getByRole('button', { name: /Account menu/ }).click()
    await lead.getByRole('menuitem', { name: 'Sign out' }).click()
    await lead.waitForURL((url) => url.pathname.startsWith('/login'))
    const left = await lead.evaluate(async () => ({
      caches: await caches.keys(),
      databases: (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('pdsa-')),
    }))
    expect(left).toEqual({ caches: [], databases: [] })
  })
})

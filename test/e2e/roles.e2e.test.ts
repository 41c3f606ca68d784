// What each demo role sees after signing in: where it lands, what the navigation offers and withholds, and
// which pages it may open; plus the sign-in page's behaviour for anonymous visitors and wrong passwords.
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '@pdsa/demo-district'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousA11yViolations } from '../utils/axe'
import { launchBrowser, signInAs } from '../utils/browser'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const emailOf = (role: string) => {
  const found = DEMO_SIGN_INS.find((s) => s.role === role)
  if (!found) throw new Error(`No demo sign-in for ${role}`)
  return found.email
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A fresh signed-out page (its own cookies), 1440 px wide. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

async function checkPage(page: Page, name: string) {
  expect(await seriousA11yViolations(page), `accessibility of ${name}`).toEqual([])
  await saveScreenshot(page, `roles-${name}`)
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' })

/** The names of the navigation's links, once the navigation has loaded. */
async function navLinks(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Measures and data' }).waitFor()
  return nav(page).getByRole('link').allTextContents()
}

const path = (page: Page) => new URL(page.url()).pathname

/** The team lead's team page, which the viewer also opens (read-only). */
let teamPath = ''

describe('each demo role after signing in', () => {
  it('team lead: lands on the team workspace and may plan cycles and write goals, not administer', async () => {
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('Team lead'), DEMO_PASSWORD)
    expect(path(page)).toMatch(/^\/teams\/[0-9a-f-]{36}$/)
    teamPath = path(page)
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    const links = await navLinks(page)
    expect(links.some((l) => l.startsWith('Harbor Attendance Team'))).toBe(true)
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    expect(links).not.toContain('Audit log')
    await page.getByRole('button', { name: 'New cycle' }).first().waitFor()
    await page.getByRole('button', { name: 'New goal' }).waitFor()
    await checkPage(page, 'team-lead-home')
    await page.context().close()
  })

  it('team member: lands on the team workspace; /admin answers with a clear 403 page', async () => {
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('Team member'), DEMO_PASSWORD)
    expect(path(page)).toMatch(/^\/teams\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    const links = await navLinks(page)
    expect(links.some((l) => l.startsWith('Kestrel Restorative Practices Team'))).toBe(true)
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    expect(links).not.toContain('District')
    await checkPage(page, 'team-member-home')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
    await page.getByRole('heading', { name: 'You do not have access to this page', level: 1 }).waitFor()
    await page.getByText(/Administration is for district admins/).waitFor()
    await page.getByRole('link', { name: 'Go to my home page' }).waitFor()
    await checkPage(page, 'team-member-admin-403')
    await page.context().close()
  })

  it('coach: lands on the coach portfolio, sees the coached teams, may not administer', async () => {
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('Coach'), DEMO_PASSWORD)
    expect(path(page)).toBe('/coach')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const links = await navLinks(page)
    expect(links).toContain('Coach portfolio')
    expect(links.filter((l) => / Team/.test(l)).length).toBeGreaterThanOrEqual(5)
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Audit log')
    await checkPage(page, 'coach-home')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
    await page.context().close()
  })

  it('district leader: lands on the district page, reaches the audit log, not administration', async () => {
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('District leader'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const links = await navLinks(page)
    expect(links).toContain('District')
    expect(links).toContain('Audit log')
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    await checkPage(page, 'district-leader-home')

    await nav(page).getByRole('link', { name: 'Audit log' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/audit')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
    await page.context().close()
  })

  it('admin: lands on the district page and reaches administration', async () => {
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('Admin'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    const links = await navLinks(page)
    expect(links).toContain('Administration')
    expect(links).toContain('District')
    await nav(page).getByRole('link', { name: 'Administration' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor()
    await page.getByRole('tab', { name: 'Users and roles' }).waitFor()
    await checkPage(page, 'admin-administration')
    await page.context().close()
  })

  it('viewer: reads the district and a team, with no way to plan a cycle or write a goal', async () => {
    expect(teamPath, 'the team lead’s step found the team page').not.toBe('')
    const page = await freshPage()
    await signInAs(page, baseUrl, emailOf('Viewer'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    const links = await navLinks(page)
    expect(links).toContain('District')
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    expect(links).not.toContain('Import data')
    await checkPage(page, 'viewer-home')

    await page.goto(`${baseUrl}${teamPath}`)
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    await page.getByText('Read only', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: 'New cycle' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'New goal' }).count()).toBe(0)
    await checkPage(page, 'viewer-team')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
    await page.context().close()
  })
})

describe('signing in', () => {
  it('an anonymous request for a page redirects to /login with the page to return to', async () => {
    const page = await freshPage()
    const response = await page.request.get(`${baseUrl}/measures?family=outcome`, { maxRedirects: 0 })
    expect(response.status()).toBe(302)
    const location = new URL(response.headers().location ?? '', baseUrl)
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('redirectTo')).toBe('/measures?family=outcome')

    // After signing in, the person is taken back to that page.
    await page.goto(`${baseUrl}/measures?family=outcome`)
    expect(path(page)).toBe('/login')
    await page.locator('input[name="email"]').fill(emailOf('Team lead'))
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/measures')
    expect(new URL(page.url()).searchParams.get('family')).toBe('outcome')
    await page.context().close()
  })

  it('a wrong password gets a clear error that does not say whether the email exists', async () => {
    const page = await freshPage()
    const attempt = async (email: string) => {
      await page.goto(`${baseUrl}/login`)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill('not-the-password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' })
      await alert.waitFor()
      expect(path(page)).toBe('/login')
      return (await alert.textContent()) ?? ''
    }
    const known = await attempt(emailOf('Viewer'))
    expect(known).toContain('That email and password do not match an account.')
    // The email stays filled in, so only the password needs retyping.
    expect(await page.locator('input[name="email"]').inputValue()).toBe(emailOf('Viewer'))
    await checkPage(page, 'sign-in-wrong-password')
    const unknown = await attempt('nobody-here@riverbend.example')
    expect(unknown).toBe(known)
    await page.context().close()
  })
})

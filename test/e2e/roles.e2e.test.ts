// What each demo role sees after signing in: where it lands, what the navigation offers and withholds, and
// which pages it may open; plus the sign-in page's behaviour for anonymous visitors and wrong passwords.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, demoEmail, browserTest as it } from '../utils/e2e'

const baseUrl = inject('e2eBaseUrl')

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
  it('team lead: lands on the team workspace and may plan cycles and write goals, not administer', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
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
    await checkPage(page, 'roles-team-lead-home')
  })

  it('team member: lands on the team workspace; /admin answers with a clear 403 page', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Team member'), DEMO_PASSWORD)
    expect(path(page)).toMatch(/^\/teams\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    const links = await navLinks(page)
    expect(links.some((l) => l.startsWith('Kestrel Restorative Practices Team'))).toBe(true)
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    expect(links).not.toContain('District')
    await checkPage(page, 'roles-team-member-home')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
    await page.getByRole('heading', { name: 'You do not have access to this page', level: 1 }).waitFor()
    await page.getByText(/Administration is for district admins/).waitFor()
    await page.getByRole('link', { name: 'Go to my home page' }).waitFor()
    await checkPage(page, 'roles-team-member-admin-403')
  })

  it('coach: lands on the coach portfolio, sees the coached teams, may not administer', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Coach'), DEMO_PASSWORD)
    expect(path(page)).toBe('/coach')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const links = await navLinks(page)
    expect(links).toContain('Coach portfolio')
    expect(links.filter((l) => / Team/.test(l)).length).toBeGreaterThanOrEqual(5)
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Audit log')
    await checkPage(page, 'roles-coach-home')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
  })

  it('district leader: lands on the district page, reaches the audit log, not administration', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('District leader'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const links = await navLinks(page)
    expect(links).toContain('District')
    expect(links).toContain('Audit log')
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    await checkPage(page, 'roles-district-leader-home')

    await nav(page).getByRole('link', { name: 'Audit log' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/audit')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
  })

  it('admin: lands on the district page and reaches administration', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Admin'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    const links = await navLinks(page)
    expect(links).toContain('Administration')
    expect(links).toContain('District')
    await nav(page).getByRole('link', { name: 'Administration' }).click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor()
    await page.getByRole('tab', { name: 'Users and roles' }).waitFor()
    await checkPage(page, 'roles-admin-administration')
  })

  it('viewer: reads the district and a team, with no way to plan a cycle or write a goal', async ({
    page,
  }) => {
    expect(teamPath, 'the team lead’s step found the team page').not.toBe('')
    await signInAs(page, baseUrl, demoEmail('Viewer'), DEMO_PASSWORD)
    expect(path(page)).toBe('/district')
    const links = await navLinks(page)
    expect(links).toContain('District')
    expect(links).not.toContain('Administration')
    expect(links).not.toContain('Coach portfolio')
    expect(links).not.toContain('Import data')
    await checkPage(page, 'roles-viewer-home')

    await page.goto(`${baseUrl}${teamPath}`)
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()
    await page.getByText('Read only', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: 'New cycle' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'New goal' }).count()).toBe(0)
    await checkPage(page, 'roles-viewer-team')

    const response = await page.goto(`${baseUrl}/admin`)
    expect(response?.status()).toBe(403)
  })
})

describe('signing in', () => {
  it('an anonymous request for a page redirects to /login with the page to return to', async ({ page }) => {
    const response = await page.request.get(`${baseUrl}/measures?family=outcome`, { maxRedirects: 0 })
    expect(response.status()).toBe(302)
    const location = new URL(response.headers().location ?? '', baseUrl)
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('redirectTo')).toBe('/measures?family=outcome')

    // After signing in, the person is taken back to that page.
    await page.goto(`${baseUrl}/measures?family=outcome`)
    expect(path(page)).toBe('/login')
    await page.locator('input[name="email"]').fill(demoEmail('Team lead'))
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/measures')
    expect(new URL(page.url()).searchParams.get('family')).toBe('outcome')
  })

  it('a wrong password gets a clear error that does not say whether the email exists', async ({ page }) => {
    const attempt = async (email: string) => {
      await page.goto(`${baseUrl}/login`)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill('not-the-password')
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' })
      await alert.waitFor()
      expect(path(page)).toBe('/login')
      return (await alert.textContent()) ?? ''
    }
    const known = await attempt(demoEmail('Viewer'))
    expect(known).toContain('That email and password do not match an account.')
    // The email stays filled in, so only the password needs retyping.
    expect(await page.locator('input[name="email"]').inputValue()).toBe(demoEmail('Viewer'))
    await checkPage(page, 'roles-sign-in-wrong-password')
    const unknown = await attempt('nobody-here@riverbend.example')
    expect(unknown).toBe(known)
  })
})

// Single sign-on in Chromium against a real OpenID Connect provider started by this test: the admin adds
// the provider (with "Test connection"), a team lead signs in with it from the sign-in page and lands on
// their team, signing out offers the provider's own sign-out, and the district sign-in URL lists it.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail, expectAccessible, browserTest as it } from '../utils/e2e'
import { startTestOidcProvider, type TestOidcProvider } from '../utils/oidc-provider'

const baseUrl = inject('e2eBaseUrl')
let idp: TestOidcProvider

beforeAll(async () => {
  idp = await startTestOidcProvider({
    redirectUris: [`${baseUrl}/auth/sso/callback`],
    postLogoutRedirectUris: [`${baseUrl}/login`],
    accounts: [
      { sub: 'classlink-carmen', email: demoEmail('Team lead'), emailVerified: true, name: 'Carmen Reyes' },
    ],
  })
})
afterAll(async () => {
  await idp?.close()
})

describe('single sign-on', () => {
  it('an admin adds the district’s provider after testing the connection', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Admin'), DEMO_PASSWORD)
    await page.goto(`${baseUrl}/admin?tab=sign-in`)
    await page.getByText('No identity provider yet').waitFor()
    await page.getByRole('button', { name: 'Add identity provider' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an identity provider' })
    await choose(dialog, 'Provider', /Other OpenID Connect provider/)
    await dialog.getByLabel('Name on the sign-in page').fill('Riverbend ClassLink')
    await dialog.getByLabel('Issuer').fill(idp.issuer)
    await dialog.getByLabel('Client id').fill(idp.clientId)
    await dialog.getByLabel('Client secret').fill(idp.clientSecret)
    await dialog.getByLabel('Allowed email domains').fill('riverbend.example')
    await dialog.getByLabel('Allowed email domains').press('Enter')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await dialog.getByText('The provider answered correctly').waitFor()
    await expectAccessible(page, 'the add-provider dialog')
    await dialog.getByRole('button', { name: 'Add provider' }).click()
    await page.getByText('Identity provider added.').waitFor()
    await page.getByText('Riverbend ClassLink', { exact: true }).waitFor()
    await checkPage(page, 'sso-admin')
  })

  it('a team lead signs in with it and lands on their team; signing out offers the provider’s sign-out', async ({
    page,
  }) => {
    await page.goto(`${baseUrl}/login`)
    await page.locator('input[name="email"]').fill(demoEmail('Team lead'))
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click()
    await page.waitForURL((url) => url.origin === idp.issuer)
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor()
    await page.getByLabel('Email').fill(demoEmail('Team lead'))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL((url) => url.origin === baseUrl && url.pathname.startsWith('/teams/'))
    await page.getByRole('heading', { name: 'PDSA cycles' }).waitFor()

    await page.getByRole('button', { name: /Account menu$/ }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    const link = page.getByRole('link', { name: 'Sign out of Riverbend ClassLink too' })
    await link.waitFor()
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${idp.issuer}/session/end\\?`))
    await checkPage(page, 'sso-signed-out')
  })

  it('the district sign-in URL lists its provider, and a failed sign-in says why in plain words', async ({
    page,
  }) => {
    await page.goto(`${baseUrl}/login?district=riverbend`)
    await page.getByRole('button', { name: 'Sign in with Riverbend ClassLink' }).waitFor()
    await page.goto(`${baseUrl}/login`)
    await page.locator('input[name="email"]').fill('someone@elsewhere.example')
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click()
    await page.getByText('Single sign-on is not set up for that email domain').waitFor()
    await page.goto(`${baseUrl}/auth/sso/callback?code=x&state=forged`)
    await page.getByText('That sign-in link has expired or was already used').waitFor()
    await checkPage(page, 'sso-error')
  })
})

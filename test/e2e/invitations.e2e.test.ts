// Email without SMTP, as in the demo (ADR 029): an admin invites someone, reads the invitation in the
// Outbox, the invitee follows its link in their own browser, chooses a password and is signed in; and
// "Forgot password?" sends a link that works once.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail, browserTest as it } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')
const stamp = Date.now().toString(36)
// The demo's pending invitee (prisma/seed/demo-outbox.ts): resetting them disturbs no other test's sign-in.
const RESET_EMAIL = 'ines.delacroix@riverbend.example'

/** The path of the first link in the Outbox's plain-text part that starts with `prefix`. */
async function linkInOutbox(page: Page, recipient: string, prefix: string): Promise<string> {
  await page.goto(`${baseUrl}/admin/outbox?recipient=${encodeURIComponent(recipient)}`)
  await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor()
  await page.getByRole('tab', { name: 'Plain text' }).click()
  const text = (await page.getByRole('region', { name: 'Message' }).locator('pre').textContent()) ?? ''
  const match = new RegExp(`https?://[^\\s/]+(${prefix}[A-Za-z0-9_-]+)`).exec(text)
  expect(match, `a ${prefix} link in the email`).not.toBeNull()
  return match?.[1] as string
}

describe('invitations and password reset', () => {
  it('admin invites; the invitee follows the link from the Outbox, sets a password and is signed in', async ({
    page,
    browser,
  }) => {
    const email = `invitee-${stamp}@riverbend.example`
    await signInAs(page, baseUrl, demoEmail('Admin'), DEMO_PASSWORD)
    await page.goto(`${baseUrl}/admin`)
    await page.getByRole('button', { name: 'Invite user' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite someone' })
    await dialog.getByLabel('Name').fill('Ada Invitee')
    await dialog.getByLabel('Email').fill(email)
    await choose(dialog, 'Role', 'Team member')
    await choose(dialog, 'Team', /.+/)
    await checkPage(page, 'invite-dialog')
    await dialog.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByRole('heading', { name: 'Pending invitations' }).waitFor()
    await page.getByText(email).first().waitFor()

    const path = await linkInOutbox(page, email, '/welcome/')
    // axe on the plain-text part (it cannot enter the sandboxed iframe of the HTML part, which has no scripts).
    await checkPage(page, 'outbox-invitation-text')
    await page.getByRole('tab', { name: 'HTML' }).click()
    await page.getByTitle(/^HTML of/).waitFor()
    await saveScreenshot(page, 'outbox-invitation-html')

    const invitee = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const theirs = await invitee.newPage()
    await theirs.goto(`${baseUrl}${path}`)
    await theirs.getByRole('heading', { name: 'Welcome, Ada Invitee' }).waitFor()
    await checkPage(theirs, 'invitation-set-password')
    await theirs.getByRole('textbox', { name: 'New password' }).fill('ada picks a long password')
    await theirs.getByRole('textbox', { name: 'Repeat the password' }).fill('ada picks a long password')
    await theirs.getByRole('button', { name: 'Set password and sign in' }).click()
    await theirs.waitForURL((url) => !url.pathname.startsWith('/welcome/'))
    await theirs
      .getByRole('button', { name: /Ada Invitee|Account/ })
      .first()
      .waitFor()

    // The link works once.
    await theirs.goto(`${baseUrl}${path}`)
    await theirs.getByText('This link has already been used.', { exact: false }).waitFor()
    await invitee.close()
  })

  it('Forgot password? answers the same for any address and emails a link that works once', async ({
    page,
    browser,
  }) => {
    await page.goto(`${baseUrl}/login`)
    await page.getByRole('link', { name: 'Forgot password?' }).click()
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor()
    await checkPage(page, 'forgot-password')
    await page.getByLabel('Email').fill(RESET_EMAIL)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await page.getByText('Check your email').waitFor()
    await checkPage(page, 'forgot-password-sent')

    const admin = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const adminPage = await admin.newPage()
    await signInAs(adminPage, baseUrl, demoEmail('Admin'), DEMO_PASSWORD)
    const path = await linkInOutbox(adminPage, RESET_EMAIL, '/reset-password/')
    await admin.close()

    await page.goto(`${baseUrl}${path}`)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await page.getByRole('textbox', { name: 'New password' }).fill(DEMO_PASSWORD)
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill('not the same password')
    await page.getByRole('button', { name: 'Save password and sign in' }).click()
    await page.getByText('The two passwords differ.').waitFor()
    await page.getByRole('textbox', { name: 'New password' }).fill(DEMO_PASSWORD)
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Save password and sign in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/reset-password/'))
  })
})

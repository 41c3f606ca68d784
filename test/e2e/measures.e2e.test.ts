// Year-to-date measures in a real browser (issue 9, ADR 018): the library's filter and badge, the measure
// page's definition, the measure form's "Accumulates" choice, and the district's school-year start.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, choose, demoEmail, browserTest as it } from '../utils/e2e'

const baseUrl = inject('e2eBaseUrl')
const ADMIN = demoEmail('Admin')
const RUN = Date.now().toString(36).slice(-5)

describe('measures that accumulate through the school year (admin)', () => {
  it('filters the library to year-to-date measures and shows how each accumulates', async ({ page }) => {
    await signInAs(page, baseUrl, ADMIN, DEMO_PASSWORD)
    await page.goto(`${baseUrl}/measures`)
    await page.getByRole('table').waitFor()
    await choose(page, 'Accumulates', 'Year to date')
    await page.waitForURL((u) => u.searchParams.get('accumulation') === 'to_date')
    const rows = page.getByRole('table').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    const names = await rows.locator('td:first-child').allInnerTexts()
    for (const name of [
      'Chronic absence rate (to date)',
      'At risk of chronic absence (to date)',
      'Suspension rate (to date)',
    ]) {
      expect(names.some((n) => n.includes(name) && n.includes('Year to date'))).toBe(true)
    }
    await checkPage(page, 'measures-library-year-to-date')

    await page.getByRole('link', { name: 'Suspension rate (to date)' }).click()
    await page.getByRole('heading', { level: 1, name: 'Suspension rate (to date)' }).waitFor()
    await page.getByText('Cumulative within the school year; restarts every July 1.').waitFor()

    // Switching a measure with data to per period says what it does to the stored values; cancel.
    await page.getByRole('button', { name: 'Edit measure' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByText('Accumulates', { exact: true }).waitFor()
    await drawer.getByText('Per period', { exact: true }).click()
    await drawer.getByText(/values already entered will be read as per period from now on/).waitFor()
    await checkPage(page, 'measures-form-accumulates')
    await drawer.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => drawer.count()).toBe(0)
  })

  it('creates a year-to-date measure', async ({ page }) => {
    await signInAs(page, baseUrl, ADMIN, DEMO_PASSWORD)
    await page.goto(`${baseUrl}/measures`)
    await page.getByRole('button', { name: 'New measure' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('textbox', { name: 'Name' }).fill(`Expulsions to date ${RUN}`)
    await drawer.getByRole('textbox', { name: 'Code' }).fill(`EXPEL_${RUN}`)
    await drawer.getByText('Year to date', { exact: true }).click()
    await drawer.getByText(/cumulative since the school year started/).waitFor()
    await drawer.getByRole('button', { name: 'Create measure' }).click()
    await page.getByRole('heading', { level: 1, name: `Expulsions to date ${RUN}` }).waitFor()
    await page.getByText('Cumulative within the school year; restarts every July 1.').waitFor()
  })

  it('sets the school-year start as a month and a day, refusing a day the month does not have', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, ADMIN, DEMO_PASSWORD)
    await page.goto(`${baseUrl}/admin?tab=settings`)
    const month = () => page.getByRole('combobox', { name: 'Month the school year starts', exact: true })
    const day = () => page.getByRole('textbox', { name: 'Day the school year starts' })
    await day().waitFor()
    expect(await month().inputValue()).toBe('July')
    await choose(page, 'Month the school year starts', 'February')
    await day().fill('30')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('February has no day 30.').waitFor()
    await checkPage(page, 'measures-school-year-start-invalid')

    await choose(page, 'Month the school year starts', 'August')
    await day().fill('15')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Settings saved.').waitFor()
    await page.reload()
    await day().waitFor()
    expect([await month().inputValue(), await day().inputValue()]).toEqual(['August', '15'])

    // back to July 1, as the other browser tests expect
    await choose(page, 'Month the school year starts', 'July')
    await day().fill('1')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Settings saved.').waitFor()
  })
})

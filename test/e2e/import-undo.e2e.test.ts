// Undo of an import and times in the district's zone, in a real browser (issue 11, ADR 031): a team lead
// imports a file, undoes it from the history after a dialog that says what will be removed, and the row
// then shows who undid it and when; with the district set to Pacific/Auckland (UTC+13 in December, far
// from the server's clock), the audit log and the import history show Auckland times; and an all-students
// chart says plainly that a cycle was judged for its focal group. Axe-clean.
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import { formatDateInZone } from '@pdsa/domain'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, demoEmail, browserTest as it } from '../utils/e2e'

const baseUrl = inject('e2eBaseUrl')

interface Options {
  measures: { code: string; cadence: string; unit: string; schoolId: string | null }[]
  importSchools: { code: string }[]
}

async function dataOptions(page: Page): Promise<Options> {
  return page.evaluate(async () => {
    const response = await fetch('/api/trpc/data.options')
    const body = (await response.json()) as { result: { data: { json: unknown } } }
    return body.result.data.json
  }) as Promise<Options>
}

/** A Monday between 2005 and 2012, long before the demo's data, so the rows are new. */
function oldMonday(): string {
  const weeks = Math.floor(Math.random() * 400)
  return new Date(Date.UTC(2005, 0, 3) + weeks * 7 * 86_400_000).toISOString().slice(0, 10)
}

/** Imports two new rows through the import page as the signed-in user; returns the file. */
async function importTwoRows(page: Page, prefix: string) {
  await page.goto(`${baseUrl}/data/import`)
  await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor()
  const options = await dataOptions(page)
  const measure = options.measures.find((m) => m.cadence === 'weekly' && m.unit === 'percent' && !m.schoolId)
  const school = options.importSchools[0]
  const monday = oldMonday()
  const csv = [
    'measure,school,period,student_group,numerator,denominator',
    `${measure?.code},${school?.code},${monday},ALL,12,240`,
    `${measure?.code},${school?.code},${monday},EL,3,40`,
  ].join('\n')
  const file = { name: `${prefix}-${Date.now()}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) }
  await page.locator('input[type="file"]').setInputFiles(file)
  await page.getByRole('button', { name: 'Import 2 rows' }).click()
  await page.getByRole('status').filter({ hasText: 'Import finished' }).waitFor()
  return file
}

async function setTimeZone(page: Page, zone: string) {
  await page.goto(`${baseUrl}/admin?tab=settings`)
  const field = page.getByRole('combobox', { name: 'Time zone', exact: true })
  await field.click()
  await field.fill(zone)
  await page.getByRole('option', { name: zone, exact: true }).click()
  const save = page.getByRole('button', { name: 'Save settings' })
  if (await save.isEnabled()) {
    await save.click()
    await expect.poll(() => save.isEnabled()).toBe(false)
  }
}

describe('undo of an import', () => {
  it('a team lead undoes an import after a confirm dialog with its counts; the history shows the undo', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    const file = await importTwoRows(page, 'undo')
    const history = page.getByRole('table', { name: 'Recent imports' })
    const row = history.locator(`tr[data-import-batch="${file.name}"]`)
    await row.getByRole('button', { name: `Undo import of ${file.name}` }).click()
    const dialog = page.getByRole('dialog', { name: `Undo the import of ${file.name}?` })
    await dialog.getByText('2 observations').waitFor()
    expect(await dialog.textContent()).toMatch(/2 observations the import added will be removed/)
    expect(await dialog.textContent()).toMatch(/0 observations the import changed will get their earlier/)
    await checkPage(page, 'data-import-undo-dialog')

    await dialog.getByRole('button', { name: 'Undo import' }).click()
    await page.getByText(`Undid the import of ${file.name}: 2 observations removed`).waitFor()
    await row.getByText('Undone', { exact: true }).waitFor()
    expect(await row.textContent()).toMatch(
      /Undone by .+ at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]/,
    )
    await expect.poll(() => row.getByRole('button', { name: /Undo import/ }).count()).toBe(0)
    await checkPage(page, 'data-import-undone')

    // The import is gone from the data: importing the same file again adds the two rows anew.
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByText('2 data rows: 2 new, 0 changed, 0 unchanged, 0 invalid.').waitFor()
  })

  it('shows times in the district’s zone: Pacific/Auckland in the audit log and the import history', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('Admin'), DEMO_PASSWORD)
    try {
      await setTimeZone(page, 'Pacific/Auckland')
      const savedAt = new Date()
      await page.goto(`${baseUrl}/admin/audit`)
      const first = page.getByRole('row').filter({ hasText: 'Changed district settings' }).first()
      await first.waitFor()
      const when = (await first.getByRole('cell').first().textContent()) ?? ''
      // Auckland is UTC+13 in December: the server's UTC clock and a Los Angeles viewer would both differ.
      expect(when).toContain('GMT+13')
      expect(when.startsWith(formatDateInZone(savedAt, 'Pacific/Auckland'))).toBe(true)
      await checkPage(page, 'audit-log-auckland')

      const file = await importTwoRows(page, 'auckland')
      const history = page.getByRole('table', { name: 'Recent imports' })
      const row = history.locator(`tr[data-import-batch="${file.name}"]`)
      expect(await row.getByRole('cell').nth(1).textContent()).toMatch(/GMT\+13$/)
      await page.getByText('Times are in the district’s time zone (Pacific/Auckland).').waitFor()
    } finally {
      await setTimeZone(page, 'America/Los_Angeles')
    }
  })

  it('an all-students chart says a cycle was judged for its focal group, with that group’s verdict', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    await page.goto(`${baseUrl}/measures`)
    await page.getByRole('link', { name: 'Chronic absence rate (to date)', exact: true }).first().click()
    await page.waitForURL(/\/measures\/[0-9a-f-]{36}/)
    const school = page.getByRole('combobox', { name: 'School', exact: true }).first()
    if ((await school.count()) > 0) {
      await school.click()
      await page.getByRole('option', { name: 'Harbor Middle', exact: true }).click()
      await page.waitForURL(/school=/)
    }
    const section = page.getByRole('region', { name: 'Linked-metric view' })
    const judged = section.getByText(/^Judged for .+ students$/).first()
    await judged.waitFor({ timeout: 30_000 })
    expect(await section.textContent()).not.toMatch(/No verdict yet \(judged for/)
    await checkPage(page, 'linked-metric-judged-for')
  })
})

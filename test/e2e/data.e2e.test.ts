// Data in and out in a real browser (issue 5): a team lead uploads a CSV with one bad row, sees the row's
// problem in the preview, imports only the valid rows, re-uploads and sees 0 new; downloads the
// observations CSV (suppressed cells as "n<10"); opens a cycle's printable worksheet. Every role opens
// the export page; only importers reach the import page. Axe-clean, with screenshots.
import { readFileSync } from 'node:fs'
import { DEMO_PASSWORD } from '@pdsa/demo-district'
import type { Page } from 'playwright-core'
import { describe, expect, inject } from 'vitest'
import { signInAs } from '../utils/browser'
import { checkPage, demoEmail, browserTest as it } from '../utils/e2e'
import { saveScreenshot } from '../utils/screenshots'

const baseUrl = inject('e2eBaseUrl')

interface Options {
  canImport: boolean
  measures: {
    id: string
    code: string
    name: string
    cadence: string
    unit: string
    schoolId: string | null
  }[]
  importSchools: { id: string; code: string }[]
  groups: { code: string }[]
}

/** data.options as the signed-in user, through the same API the page uses. */
async function dataOptions(page: Page): Promise<Options> {
  return page.evaluate(async () => {
    const response = await fetch('/api/trpc/data.options')
    const body = (await response.json()) as { result: { data: { json: unknown } } }
    return body.result.data.json
  }) as Promise<Options>
}

describe('data in and out', () => {
  it('a team lead previews a file with a bad row, imports the valid rows, and a re-upload shows 0 new', async ({
    page,
  }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Import data' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor()
    await checkPage(page, 'data-import-empty')

    const options = await dataOptions(page)
    const measure = options.measures.find(
      (m) => m.cadence === 'weekly' && m.unit === 'percent' && m.schoolId === null,
    )
    const school = options.importSchools[0]
    expect(measure, 'a weekly percent measure').toBeTruthy()
    expect(school, 'a school the team lead may import for').toBeTruthy()
    // Mondays long before the demo's data, so the rows are new.
    const csv = [
      'measure,school,period,student_group,numerator,denominator',
      `${measure?.code},${school?.code},2015-09-07,ALL,12,240`,
      `${measure?.code},${school?.code},2015-09-14,ALL,15,240`,
      `${measure?.code},${school?.code},2015-09-14,NOPE,1,20`,
    ].join('\n')
    const file = { name: `e2e-${Date.now()}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) }

    await page.locator('input[type="file"]').setInputFiles(file)
    const problems = page.getByRole('table', { name: 'Problems by row' })
    await problems.waitFor()
    await expect
      .poll(() => problems.getByRole('row').nth(1).textContent())
      .toMatch(/4\s*Row 4: student group NOPE does not exist/)
    await page.getByText('3 data rows: 2 new, 0 changed, 0 unchanged, 1 invalid.').waitFor()
    await checkPage(page, 'data-import-preview')

    await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click()
    const done = page.getByRole('status').filter({ hasText: 'Import finished' })
    await done.waitFor()
    expect(await done.textContent()).toMatch(
      /2 new rows, 0 changed rows, 0 unchanged rows, 1 invalid row skipped/,
    )
    await page.getByRole('table', { name: 'Recent imports' }).getByText(file.name).waitFor()
    await checkPage(page, 'data-import-done')

    await page.getByRole('button', { name: 'Check the file again' }).click()
    await page.getByText('3 data rows: 0 new, 0 changed, 2 unchanged, 1 invalid.').waitFor()
    await page.getByText('Imported before').waitFor()
    await checkPage(page, 'data-import-reupload')
  })

  it('refuses a file over 20 MB in the browser before uploading it', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    await page.goto(`${baseUrl}/data/import`)
    await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor()
    const big = Buffer.alloc(21 * 1024 * 1024, 'a')
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big })
    await page.getByText('The file is 21.0 MB; the limit is 20 MB.', { exact: false }).waitFor()
  })

  it('exports observations with small cells suppressed as n<10', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Export data' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Export data' }).waitFor()
    await checkPage(page, 'data-export')
    // A measure whose export has small cells at the team lead's school (found through the same route).
    const options = await dataOptions(page)
    const withSmallCells = await page.evaluate(async (measures) => {
      for (const m of measures) {
        const text = await (await fetch(`/data/export/observations.csv?measureId=${m.id}`)).text()
        if (text.includes(',n<10,')) return m
      }
      return null
    }, options.measures)
    expect(withSmallCells, 'a measure with suppressed cells').toBeTruthy()
    await page.getByRole('combobox', { name: 'Measure', exact: true }).click()
    await page
      .getByRole('option', { name: `${withSmallCells?.name} (${withSmallCells?.code})`, exact: true })
      .click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download observations CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^observations-.*\.csv$/)
    const text = readFileSync((await download.path()) as string, 'utf8')
    const [header] = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(
      'measure,measure_name,school,school_name,period,student_group,student_group_name,value,numerator,denominator,suppressed,source',
    )
    expect(text).toMatch(/,n<10,,,n<10,/)

    const [cycles] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download cycles CSV' }).click(),
    ])
    expect(readFileSync((await cycles.path()) as string, 'utf8')).toMatch(
      /^\uFEFFschool,team,cycle_number,title/,
    )
  })

  it('opens the printable worksheet from a cycle', async ({ page }) => {
    await signInAs(page, baseUrl, demoEmail('Team lead'), DEMO_PASSWORD)
    const cycleLink = page.locator('main a[href^="/cycles/"]').first()
    await cycleLink.waitFor()
    await cycleLink.click()
    await page.waitForURL(/\/cycles\/[^/]+$/)
    await page.getByRole('link', { name: 'Print worksheet' }).click()
    await page.waitForURL(/\/cycles\/[^/]+\/print$/)
    await page.getByRole('button', { name: 'Print / save as PDF' }).waitFor()
    for (const heading of ['Plan', 'Do', 'Study', 'Act']) {
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor()
    }
    await page.getByRole('heading', { name: 'Measures and verdicts' }).waitFor()
    await checkPage(page, 'data-print')
    // Printing hides the app's header, navigation and toolbar.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(false)
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(false)
    await saveScreenshot(page, 'data-print-media')
  })

  it('lets every role open the export page; only importers reach the import page', async ({
    page,
    context,
  }) => {
    const roles = [
      ['Admin', true],
      ['District leader', true],
      ['Coach', false],
      ['Team lead', true],
      ['Team member', true],
      ['Viewer', false],
    ] as const
    for (const [role, importer] of roles) {
      await context.clearCookies()
      await signInAs(page, baseUrl, demoEmail(role), DEMO_PASSWORD)
      await page.goto(`${baseUrl}/data/export`)
      await page.getByRole('heading', { level: 1, name: 'Export data' }).waitFor()
      const nav = page.getByRole('navigation', { name: 'Main navigation' })
      expect(await nav.getByRole('link', { name: 'Import data' }).count(), role).toBe(importer ? 1 : 0)
      const response = await page.goto(`${baseUrl}/data/import`)
      if (importer) {
        expect(response?.status(), role).toBe(200)
        await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor()
        expect(await page.locator('input[type="file"]').count(), role).toBe(1)
      } else {
        expect(response?.status(), role).toBe(403)
        await page.getByText(/Only team leads and team members/).waitFor()
        expect(await page.locator('input[type="file"]').count(), role).toBe(0)
        await checkPage(page, `data-import-refused-${role.toLowerCase()}`)
      }
    }
  })
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

/** Saves a full-page screenshot under test-results/screenshots/ (attached to the test output). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = join('test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * Saves what the window shows (not the full page) under docs/screenshots/, named `<name>-<w>x<h>.png`
 * after the page's viewport. Only `test/e2e/docs-screenshots.e2e.test.ts` writes there (`pnpm screenshots`).
 */
export async function saveDocsScreenshot(page: Page, name: string): Promise<string> {
  const dir = join('docs', 'screenshots')
  mkdirSync(dir, { recursive: true })
  const size = page.viewportSize()
  const path = join(dir, size ? `${name}-${size.width}x${size.height}.png` : `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

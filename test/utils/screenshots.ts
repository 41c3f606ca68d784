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

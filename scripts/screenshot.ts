// `pnpm exec tsx scripts/screenshot.ts <url-path> <out.png> [email] [password] [baseUrl]`:
// signs in and saves a full-page screenshot (for looking at what you built, and for the README).
import { launchBrowser, signInAs } from '../test/utils/browser.ts'

const [
  path = '/',
  out = 'screenshot.png',
  email,
  password = 'pdsa-demo-2026',
  base = 'http://localhost:3000',
] = process.argv.slice(2)
const browser = await launchBrowser()
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  if (email) await signInAs(page, base, email, password)
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' })
  await page.screenshot({ path: out, fullPage: true })
  console.log(`Saved ${out}`)
} finally {
  await browser.close()
}

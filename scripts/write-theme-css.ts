// Rewrites app/theme-variables.css from app/theme.ts (see app/theme-css.ts).
import { writeFileSync } from 'node:fs'
import { THEME_CSS_FILE, themeCssFile } from '../app/theme-css.ts'

writeFileSync(THEME_CSS_FILE, themeCssFile())
console.log(`Wrote ${THEME_CSS_FILE}`)

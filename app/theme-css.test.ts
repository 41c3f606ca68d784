import { readFileSync } from 'node:fs'
import { MantineProvider } from '@mantine/core'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { cssVariablesResolver, theme } from './theme'
import { THEME_CSS_FILE, themeCssFile, themeCssVariables } from './theme-css'

describe('theme CSS variables as a stylesheet', () => {
  it('are exactly what MantineProvider would write into every page', () => {
    const html = renderToString(
      createElement(MantineProvider, { theme, cssVariablesResolver, defaultColorScheme: 'light' }, 'x'),
    )
    const inline = /<style data-mantine-styles="true"[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1]
    expect(inline).toBeTruthy()
    expect(themeCssVariables()).toBe(inline)
  })

  it('app/theme-variables.css is up to date with app/theme.ts (run `pnpm tsx scripts/write-theme-css.ts`)', () => {
    expect(readFileSync(THEME_CSS_FILE, 'utf8')).toBe(themeCssFile())
  })
})

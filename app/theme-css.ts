// The theme's CSS variables as a stylesheet. MantineProvider would otherwise compute them and write them into
// every page as a 10 KB <style> (docs/decisions/027-server-throughput-and-page-weight.md); root.tsx imports the
// generated app/theme-variables.css instead (cached with the other styles), and a unit test keeps it in step with
// theme.ts — `pnpm tsx scripts/write-theme-css.ts` rewrites it.
import {
  type ConvertCSSVariablesInput,
  convertCssVariables,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  mergeMantineTheme,
} from '@mantine/core'
import { cssVariablesResolver, theme } from './theme'

export const THEME_CSS_FILE = 'app/theme-variables.css'
const HEADER =
  '/* Generated from app/theme.ts by app/theme-css.ts (`pnpm tsx scripts/write-theme-css.ts`); do not edit. */\n'

/** What MantineProvider writes for this theme (its default de-duplication against Mantine's own styles). */
export function themeCssVariables(): string {
  const full = mergeMantineTheme(DEFAULT_THEME, theme)
  const base = defaultCssVariablesResolver(full)
  const ours = cssVariablesResolver(full)
  const merged: ConvertCSSVariablesInput = {
    variables: { ...base.variables, ...ours.variables },
    light: { ...base.light, ...ours.light },
    dark: { ...base.dark, ...ours.dark },
  }
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME)
  const changed = (all: Record<string, string>, def: Record<string, string>) =>
    Object.fromEntries(Object.entries(all).filter(([k, v]) => def[k] !== v)) as Record<`--${string}`, string>
  return convertCssVariables({
    variables: changed(merged.variables, defaults.variables),
    light: changed(merged.light, defaults.light),
    dark: changed(merged.dark, defaults.dark),
  })
}

export function themeCssFile(): string {
  return `${HEADER}${themeCssVariables()}\n`
}

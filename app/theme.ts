import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core'

// A deep teal that keeps 4.5:1 contrast for white text on filled buttons (checked with axe in browser tests).
const teal: MantineColorsTuple = [
  '#e6fbf7',
  '#d4f2ec',
  '#abe3d8',
  '#7fd3c3',
  '#5ac6b1',
  '#43bea6',
  '#33b9a1',
  '#23a38c',
  '#0f7a68',
  '#006656',
]

// Mantine's orange.9 (#d9480f) is 4.3:1 on white, short of AA for text; this one is 5.3:1.
const orange = [...DEFAULT_THEME.colors.orange.slice(0, 9), '#bd3e0c'] as unknown as MantineColorsTuple
// Likewise green.9 (#2b8a3e, 4.4:1): this one is 6.3:1 on white, 5.8:1 on a light green badge.
const green = [...DEFAULT_THEME.colors.green.slice(0, 9), '#1f6e31'] as unknown as MantineColorsTuple

/**
 * Names for the calendar's arrow buttons, which show only an icon (axe: button-name). The level buttons
 * ("November 2026") are named by their text.
 */
const calendarAriaLabels = {
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
}

/**
 * Every calendar: named arrows; no days of the neighbouring months (Mantine draws them at half opacity,
 * 2.6:1) and no red weekends (red.6, 3.6:1) — both under WCAG AA for text.
 */
const calendarDefaults = { ariaLabels: calendarAriaLabels, hideOutsideDates: true, weekendDays: [] }

/**
 * `MantineProvider withStaticClasses={false}` (root.tsx) leaves Mantine's static class names
 * (`mantine-Text-root`, …) out of every element — 6–9 KB of a cycle page's HTML (docs/decisions/027-…). The few
 * that the print stylesheets (PrintStyles, the alignment report) and browser tests select are kept here.
 */
const staticClasses = (component: string, ...parts: string[]) =>
  Object.fromEntries(parts.map((part) => [part, `mantine-${component}-${part}`]))

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 8, dark: 6 },
  colors: { brand: teal, orange, green },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Buttons, papers and cards take the default radius (theme.defaultRadius, md) from their stylesheets
    // (`var(--paper-radius, var(--mantine-radius-default))`): no radius variable written on each one.
    Paper: { classNames: staticClasses('Paper', 'root') },
    // A badge never truncates its label ("ACT…", "1 awaitin…"): Mantine's label hides its overflow, which
    // lets flex and table layout squeeze it to nothing. Visible overflow gives it its full text width.
    // (app/theme-classes.css, as a class rather than an inline style on every badge.)
    Badge: {
      classNames: {
        ...staticClasses('Badge', 'root'),
        label: 'mantine-Badge-label app-badge-label',
      },
    },
    AppShell: { classNames: staticClasses('AppShell', 'header', 'navbar', 'footer', 'main') },
    SegmentedControl: { classNames: staticClasses('SegmentedControl', 'root') },
    Select: { classNames: staticClasses('Select', 'root') },
    Tabs: { classNames: staticClasses('Tabs', 'list') },
    Breadcrumbs: { classNames: staticClasses('Breadcrumbs', 'root') },
    Notifications: { classNames: staticClasses('Notifications', 'root') },
    ScrollArea: { classNames: staticClasses('ScrollArea', 'viewport') },
    Table: { classNames: staticClasses('Table', 'scrollContainerInner') },
    Card: { defaultProps: { withBorder: true } },
    // The × of every modal and drawer needs a name for screen readers (axe: button-name).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    DateInput: { defaultProps: calendarDefaults },
    DatePickerInput: { defaultProps: calendarDefaults },
    DatePicker: { defaultProps: calendarDefaults },
  },
})

/** Mantine's default "dimmed" (gray.6 on white, 3.3:1) fails WCAG AA for body text; gray.7 gives 7:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Error text in red.6 is 3.6:1 on white; red.8 is 5.4:1.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
})

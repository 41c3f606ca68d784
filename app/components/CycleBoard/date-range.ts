const withYearFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
})
const withoutYearFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
})
const fmt = (iso: string, withYear: boolean) =>
  (withYear ? withYearFormat : withoutYearFormat).format(new Date(`${iso}T00:00:00Z`))

/** "Oct 5 – Oct 16, 2026", or with both years when they differ. */
export function formatDateRange(start: string, end: string): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  return `${fmt(start, !sameYear)} – ${fmt(end, true)}`
}

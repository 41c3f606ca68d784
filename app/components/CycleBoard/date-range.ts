import { formatIsoDate } from '@pdsa/domain'

const monthAndDayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
})

/** "Oct 5 – Oct 16, 2026", or with both years when they differ. */
export function formatDateRange(start: string, end: string): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  const from = sameYear
    ? monthAndDayFormat.format(new Date(`${start}T00:00:00Z`))
    : formatIsoDate(start, 'short')
  return `${from} – ${formatIsoDate(end, 'short')}`
}

import { type Cadence, formatIsoDate } from '@pdsa/domain'

const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' })

/** A period start date as people say it: "Week of Mar 2, 2026", "March 2026", "Mar 2, 2026". */
export function periodLabel(cadence: Cadence, iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  switch (cadence) {
    case 'weekly':
      return `Week of ${formatIsoDate(iso, 'short')}`
    case 'monthly':
      return monthFormat.format(d)
    case 'term':
      return `Term from ${formatIsoDate(iso, 'short')}`
    case 'annual':
      return `Year from ${formatIsoDate(iso, 'short')}`
    default:
      return formatIsoDate(iso, 'short')
  }
}

// Time zones: a district's dates and times are shown in its own IANA zone, whatever the server's or the
// viewer's clock says. Pure: validation only asks the runtime's Intl data.

/** The zone a district gets until an admin sets one (the demo district is in California). */
export const DEFAULT_TIME_ZONE = 'America/Los_Angeles'

/** True for an IANA zone name the runtime knows, in its canonical spelling or as an alias ('UTC'). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** Every zone the runtime lists, for a picker; 'UTC' first. */
export function timeZoneNames(): string[] {
  const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return ['UTC', ...names.filter((name) => name !== 'UTC')]
}

/**
 * An `Intl.DateTimeFormat` per time zone with these options, built on first use and kept: building one costs
 * ~50 µs, using one ~3 µs, and a page formats hundreds of dates.
 */
export function zoneFormatter(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): (timeZone: string) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>()
  return (timeZone) => {
    let format = formats.get(timeZone)
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone })
      formats.set(timeZone, format)
    }
    return format
  }
}

const wallClockFormat = zoneFormatter('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

/** How far the zone's wall clock is ahead of UTC at `at`, in ms (Auckland in December: +13 h). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(at)
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return wall - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in the zone: "events on Dec 6" in Auckland start at
 * 11:00 UTC on Dec 5. Days that begin in a daylight-saving gap start at the first moment that exists.
 */
export function startOfDayInZone(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const midnightUtc = Date.UTC(y, m - 1, d)
  // Two passes: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone)
  return new Date(midnightUtc - zoneOffsetMs(new Date(first), timeZone))
}

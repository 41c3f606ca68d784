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

/** A moment as people of the zone read it: "December 5, 2026 at 1:30 PM PST". */
export function formatDateTimeInZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  })
    .format(at)
    .concat(` ${zoneAbbreviation(at, timeZone)}`)
}

function zoneAbbreviation(at: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? timeZone
}

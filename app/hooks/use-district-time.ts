// The one way the app writes times for people: in the district's time zone (District.timeZone), which the
// layout's navigation data carries to the client once. Server render and browser format alike, so there is
// no hydration mismatch and no page ever shows the viewer's or the server's clock.
import { DEFAULT_TIME_ZONE, formatDateInZone, formatDateTime } from '@pdsa/domain'
import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '~/lib/trpc'

/** The district's IANA zone (the default until the navigation data has arrived). */
export function useDistrictTimeZone(): string {
  const trpc = useTRPC()
  const { data } = useQuery(trpc.org.navigation.queryOptions())
  return data?.district.timeZone ?? DEFAULT_TIME_ZONE
}

export interface DistrictTimeFormat {
  timeZone: string
  /** "Dec 5, 2026, 1:20 PM PST" */
  dateTime: (at: string | Date | null | undefined) => string
  /** "Dec 5, 2026": the day the instant falls on in the district. */
  day: (at: string | Date | null | undefined) => string
}

export function useDistrictTime(): DistrictTimeFormat {
  const timeZone = useDistrictTimeZone()
  return {
    timeZone,
    dateTime: (at) => formatDateTime(at, timeZone),
    day: (at) => formatDateInZone(at, timeZone),
  }
}

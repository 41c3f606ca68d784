import { describe, expect, it } from 'vitest'
import { UpdateDistrictSettingsInputSchema } from './schemas/org.ts'
import { DEFAULT_TIME_ZONE, formatDateTimeInZone, isTimeZone, timeZoneNames } from './time-zone.ts'

describe('isTimeZone', () => {
  it('accepts IANA names and UTC', () => {
    for (const name of [DEFAULT_TIME_ZONE, 'America/New_York', 'Europe/Berlin', 'UTC', 'Etc/GMT+8']) {
      expect(isTimeZone(name), name).toBe(true)
    }
  })
  it('refuses what is not a zone', () => {
    for (const name of ['', 'Pacific', 'America/Nowhere', '+08:00', 'PST8PDT; DROP', '../etc/passwd']) {
      expect(isTimeZone(name), name).toBe(false)
    }
  })
  it('lists UTC first and the default among the names', () => {
    const names = timeZoneNames()
    expect(names[0]).toBe('UTC')
    expect(names).toContain(DEFAULT_TIME_ZONE)
  })
  it('the settings schema refuses an unknown zone with a sentence', () => {
    const result = UpdateDistrictSettingsInputSchema.safeParse({ timeZone: 'Mars/Olympus_Mons' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Choose a time zone/)
  })
})

describe('formatDateTimeInZone', () => {
  it('shows the moment in the district’s zone, with its abbreviation', () => {
    const at = new Date('2026-12-05T21:30:00Z')
    expect(formatDateTimeInZone(at, 'America/Los_Angeles')).toBe('December 5, 2026 at 1:30 PM PST')
    expect(formatDateTimeInZone(at, 'America/New_York')).toBe('December 5, 2026 at 4:30 PM EST')
  })
})

import { describe, expect, it } from 'vitest'
import { UpdateDistrictSettingsInputSchema } from './schemas/org.ts'
import { DEFAULT_TIME_ZONE, isTimeZone, startOfDayInZone, timeZoneNames, zoneFormatter } from './time-zone.ts'

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

describe('startOfDayInZone', () => {
  it('is local midnight as an instant, east and west of UTC', () => {
    expect(startOfDayInZone('2026-12-06', 'Pacific/Auckland').toISOString()).toBe('2026-12-05T11:00:00.000Z')
    expect(startOfDayInZone('2026-12-05', 'America/Los_Angeles').toISOString()).toBe(
      '2026-12-05T08:00:00.000Z',
    )
    expect(startOfDayInZone('2026-12-05', 'UTC').toISOString()).toBe('2026-12-05T00:00:00.000Z')
  })

  it('follows daylight saving time: the day after the change starts at the new offset', () => {
    expect(startOfDayInZone('2026-03-08', 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    )
    expect(startOfDayInZone('2026-03-09', 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    )
    expect(startOfDayInZone('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T11:00:00.000Z')
    expect(startOfDayInZone('2026-04-06', 'Pacific/Auckland').toISOString()).toBe('2026-04-05T12:00:00.000Z')
  })
})

describe('zoneFormatter', () => {
  it('keeps one formatter per zone, each in its own zone', () => {
    const hour = zoneFormatter('en-US', { hour: 'numeric', hourCycle: 'h23' })
    expect(hour('Pacific/Auckland')).toBe(hour('Pacific/Auckland'))
    expect(hour('UTC')).not.toBe(hour('Pacific/Auckland'))
    const at = new Date('2026-12-05T20:00:00Z')
    expect(hour('UTC').format(at)).toBe('20')
    expect(hour('Pacific/Auckland').format(at)).toBe('09')
    expect(hour('America/Los_Angeles').format(at)).toBe('12')
  })
})

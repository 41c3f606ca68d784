import { describe, expect, it } from 'vitest'
import { formatDateInZone, formatDateTime, formatIsoDate, isoDateInZone } from './format.ts'

describe('formatDateTime', () => {
  it('writes an instant in the district’s zone with the zone’s abbreviation', () => {
    expect(formatDateTime('2026-12-05T21:20:00Z', 'America/Los_Angeles')).toBe('Dec 5, 2026, 1:20 PM PST')
    expect(formatDateTime(new Date('2026-07-01T10:00:00Z'), 'UTC')).toBe('Jul 1, 2026, 10:00 AM UTC')
  })

  it('follows daylight saving time on both sides of the change', () => {
    // Los Angeles springs forward at 2:00 AM on March 8, 2026 (10:00 UTC) and falls back on November 1.
    expect(formatDateTime('2026-03-08T09:59:00Z', 'America/Los_Angeles')).toBe('Mar 8, 2026, 1:59 AM PST')
    expect(formatDateTime('2026-03-08T10:00:00Z', 'America/Los_Angeles')).toBe('Mar 8, 2026, 3:00 AM PDT')
    expect(formatDateTime('2026-11-01T08:30:00Z', 'America/Los_Angeles')).toBe('Nov 1, 2026, 1:30 AM PDT')
    expect(formatDateTime('2026-11-01T09:30:00Z', 'America/Los_Angeles')).toBe('Nov 1, 2026, 1:30 AM PST')
  })

  it('moves to the next day in a zone far ahead of UTC (Auckland in summer: UTC+13)', () => {
    expect(formatDateTime('2026-12-05T21:20:00Z', 'Pacific/Auckland')).toBe('Dec 6, 2026, 10:20 AM GMT+13')
    expect(formatDateInZone('2026-12-05T21:20:00Z', 'Pacific/Auckland')).toBe('Dec 6, 2026')
    expect(isoDateInZone('2026-12-05T21:20:00Z', 'Pacific/Auckland')).toBe('2026-12-06')
    expect(isoDateInZone('2026-12-05T21:20:00Z', 'America/Los_Angeles')).toBe('2026-12-05')
  })

  it('uses plain spaces only, so the server render and the browser write the same text', () => {
    expect(formatDateTime('2026-12-05T21:20:00Z', 'America/New_York')).not.toMatch(/[\u202f\u2009\u00a0]/)
  })

  it('writes a dash for no time or a bad one', () => {
    expect(formatDateTime(null, 'UTC')).toBe('—')
    expect(formatDateTime('not a time', 'UTC')).toBe('—')
    expect(formatDateInZone(undefined, 'UTC')).toBe('—')
  })
})

describe('formatIsoDate', () => {
  it('never shifts a calendar date, whatever the zone', () => {
    expect(formatIsoDate('2026-12-06')).toBe('December 6, 2026')
    expect(formatIsoDate('2026-12-06', 'short')).toBe('Dec 6, 2026')
  })
})

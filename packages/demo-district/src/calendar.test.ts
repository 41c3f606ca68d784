import { describe, expect, it } from 'vitest'
import { buildDemoCalendar, INSTRUCTIONAL_DAYS, observedWeeks } from './calendar.ts'
import { addDays, weekday } from './dates.ts'

describe('buildDemoCalendar', () => {
  it('places Y1, Y2 and Y3 relative to today', () => {
    const c = buildDemoCalendar('2026-11-24')
    expect([c.years.Y1.label, c.years.Y2.label, c.years.Y3.label]).toEqual(['2024-25', '2025-26', '2026-27'])
    expect(c.todayMonday).toBe('2026-11-23')
  })

  it('treats a summer day as the end of the year that just finished', () => {
    const c = buildDemoCalendar('2027-07-10')
    expect(c.years.Y3.label).toBe('2026-27')
    expect(c.years.Y3.observedWeeks).toBe(c.years.Y3.weeks.length)
  })

  it('counts 180 instructional days in 36–39 weeks, starting on a mid-August Wednesday', () => {
    for (const today of ['2026-11-24', '2025-03-02', '2031-09-30']) {
      for (const year of Object.values(buildDemoCalendar(today).years)) {
        expect(year.days).toHaveLength(INSTRUCTIONAL_DAYS)
        expect(year.weeks.length).toBeGreaterThanOrEqual(36)
        expect(year.weeks.length).toBeLessThanOrEqual(39)
        expect(weekday(year.firstDay)).toBe(3)
        expect(year.firstDay.slice(5, 7)).toBe('08')
        for (const week of year.weeks) expect(weekday(week.monday)).toBe(1)
      }
    }
  })

  it('keys weeks by Monday and skips the winter and spring breaks', () => {
    const y2 = buildDemoCalendar('2026-11-24').years.Y2
    const mondays = y2.weeks.map((w) => w.monday)
    expect(mondays).not.toContain('2025-12-22')
    expect(mondays).not.toContain('2025-12-29')
    expect(y2.weeks.find((w) => w.monday === '2025-11-24')?.days).toHaveLength(2)
  })

  it('observes the current year only up to the last full week before today', () => {
    const c = buildDemoCalendar('2026-11-24')
    const weeks = observedWeeks(c)
    const last = weeks[weeks.length - 1]
    expect(last?.week.monday).toBe('2026-11-16')
    for (const { week } of weeks) expect(addDays(week.monday, 4) < c.today).toBe(true)
  })
})

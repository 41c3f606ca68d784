// The storylines of education-data.md §6.3 must be visible in the generated numbers.
import { beforeAll, describe, expect, it } from 'vitest'
import { measureByCode } from './measures.ts'
import { approximateVerdict, gapSeries } from './testing/approximate-verdict.ts'
import { demo, gapOf, inYear, medianOf, seriesOf } from './testing/fixture.ts'

beforeAll(() => {
  demo()
}, 120_000)

const last = <T>(xs: readonly T[], n: number) => xs.slice(Math.max(0, xs.length - n))
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('Harbor Middle: chronic absence of Black and SED students', () => {
  const aa = seriesOf('CHRONIC_ABS', 'HMS', 'AA')

  it('starts from a wide gap in Y1 (Black ≈ 36% vs ≈ 22% for all other students)', () => {
    expect(medianOf(inYear(aa, 'Y1'))).toBeGreaterThan(30)
    expect(medianOf(inYear(gapOf('CHRONIC_ABS', 'HMS', 'AA'), 'Y1'))).toBeGreaterThan(10)
  })

  it('falls for Black students during the Y2 cycles: the last 8 weeks of Y2 are several points below Y1', () => {
    expect(medianOf(last(inYear(aa, 'Y2'), 8))).toBeLessThan(medianOf(inYear(aa, 'Y1')) - 5)
  })

  it('narrows the gap to all other students', () => {
    const gap = gapOf('CHRONIC_ABS', 'HMS', 'AA')
    expect(medianOf(last(inYear(gap, 'Y2'), 8))).toBeLessThan(medianOf(inYear(gap, 'Y1')) - 4)
  })

  it('also falls for SED students', () => {
    const sed = seriesOf('CHRONIC_ABS', 'HMS', 'SED')
    expect(medianOf(last(inYear(sed, 'Y2'), 8))).toBeLessThan(medianOf(inYear(sed, 'Y1')) - 2)
  })

  it('logs family contacts within 48 hours rising from about 20% to about 85%', () => {
    const contact = inYear(seriesOf('FAMILY_CONTACT_48H', 'HMS', 'ALL'), 'Y2')
    expect(medianOf(contact.slice(0, 5))).toBeLessThan(30)
    expect(medianOf(last(contact, 8))).toBeGreaterThan(75)
  })

  it('keeps tardies (balancing measure) flat', () => {
    const tardies = seriesOf('TARDY_RATE', 'HMS', 'ALL')
    const y1 = medianOf(inYear(tardies, 'Y1'))
    expect(Math.abs(medianOf(last(inYear(tardies, 'Y2'), 15)) - y1) / y1).toBeLessThan(0.1)
  })
})

describe('Kestrel High: restorative conferences in Y2 semester 2', () => {
  const y2 = demo().years.find((y) => y.key === 'Y2')

  it('cuts weekly out-of-school suspensions in semester 2', () => {
    const oss = inYear(seriesOf('OSS_WEEKLY', 'KHS', 'ALL'), 'Y2')
    const before = oss.slice(0, 20).map((o) => o.numerator ?? 0)
    const after = oss.slice(26).map((o) => o.numerator ?? 0)
    expect(mean(after)).toBeLessThan(0.6 * mean(before))
    expect(y2).toBeDefined()
  })

  it('lowers the suspension rate, and the OSS risk ratio for Black students in semester 2', () => {
    const rate = (year: 'Y1' | 'Y2') =>
      inYear(seriesOf('SUSP_RATE', 'KHS', 'ALL'), year).at(-1)?.value ?? Number.NaN
    expect(rate('Y2')).toBeLessThan(rate('Y1'))
    const semesterTwoRiskRatio = (year: 'Y1' | 'Y2') => {
      const sum = (group: 'ALL' | 'AA') => {
        const weeks = inYear(seriesOf('OSS_WEEKLY', 'KHS', group), year).slice(26)
        return {
          n: weeks.reduce((s, o) => s + (o.numerator ?? 0), 0),
          d: weeks.reduce((s, o) => s + (o.denominator ?? 0), 0),
        }
      }
      const all = sum('ALL')
      const aa = sum('AA')
      return aa.n / aa.d / ((all.n - aa.n) / (all.d - aa.d))
    }
    expect(semesterTwoRiskRatio('Y2')).toBeLessThan(semesterTwoRiskRatio('Y1'))
  })

  it('holds many more restorative conferences, while ISS days rise a little', () => {
    const conferences = inYear(seriesOf('RESTORATIVE_CONF', 'KHS', 'ALL'), 'Y2').map((o) => o.value)
    expect(mean(conferences.slice(26))).toBeGreaterThan(3 * mean(conferences.slice(0, 12)))
    const iss = seriesOf('ISS_DAYS', 'KHS', 'ALL')
    expect(
      mean(
        inYear(iss, 'Y2')
          .slice(26)
          .map((o) => o.value),
      ),
    ).toBeGreaterThan(mean(inYear(iss, 'Y1').map((o) => o.value)))
  })
})

describe('Lakeside High: 9th-grade on-track for EL and SWD students', () => {
  it('cuts the weekly D/F share of English learners and students with disabilities after the tutoring block', () => {
    for (const group of ['EL', 'SWD'] as const) {
      const df = inYear(seriesOf('DF9_WEEKLY', 'LHS', group), 'Y2')
      expect(medianOf(last(df, 8)), group).toBeLessThan(medianOf(df.slice(0, 12)) - 8)
    }
  })

  it('raises the year-end on-track rate for both groups', () => {
    for (const group of ['EL', 'SWD'] as const) {
      const onTrack = seriesOf('ONTRACK_9', 'LHS', group)
      expect(inYear(onTrack, 'Y2').at(-1)?.value ?? 0, group).toBeGreaterThan(
        inYear(onTrack, 'Y1').at(-1)?.value ?? 100,
      )
    }
  })
})

describe('Bayview vs Golden Valley (only Bayview runs attendance cycles)', () => {
  it('Bayview’s chronic absence falls further than Golden Valley’s from Y1 to Y2', () => {
    const drop = (school: string) => {
      const series = seriesOf('CHRONIC_ABS', school, 'ALL')
      return (inYear(series, 'Y1').at(-1)?.value ?? 0) - (inYear(series, 'Y2').at(-1)?.value ?? 0)
    }
    expect(drop('BAY') - drop('GVE')).toBeGreaterThan(2)
  })
})

describe('district-wide levels', () => {
  const yearEnd = (measure: 'CHRONIC_ABS' | 'SUSP_RATE', group: string, year: 'Y1' | 'Y2') => {
    let num = 0
    let den = 0
    for (const school of demo().schools) {
      const o = inYear(seriesOf(measure, school.code, group as 'ALL'), year).at(-1)
      num += o?.numerator ?? 0
      den += o?.denominator ?? 0
    }
    return (100 * num) / den
  }

  it('has chronic absence near 24% in Y1, easing in Y2, with the doc’s group ordering', () => {
    expect(yearEnd('CHRONIC_ABS', 'ALL', 'Y1')).toBeGreaterThan(21)
    expect(yearEnd('CHRONIC_ABS', 'ALL', 'Y1')).toBeLessThan(27)
    expect(yearEnd('CHRONIC_ABS', 'ALL', 'Y2')).toBeLessThan(yearEnd('CHRONIC_ABS', 'ALL', 'Y1'))
    expect(yearEnd('CHRONIC_ABS', 'HOM', 'Y1')).toBeGreaterThan(yearEnd('CHRONIC_ABS', 'ALL', 'Y1') * 1.3)
    expect(yearEnd('CHRONIC_ABS', 'AS', 'Y1')).toBeLessThan(yearEnd('CHRONIC_ABS', 'ALL', 'Y1') * 0.6)
  })

  it('has suspension near 3.5%, with foster youth and Black students far above', () => {
    const all = yearEnd('SUSP_RATE', 'ALL', 'Y1')
    expect(all).toBeGreaterThan(2.5)
    expect(all).toBeLessThan(4.5)
    expect(yearEnd('SUSP_RATE', 'AA', 'Y1')).toBeGreaterThan(2 * all)
    expect(yearEnd('SUSP_RATE', 'FOS', 'Y1')).toBeGreaterThan(2 * all)
  })

  it('shows Juniper’s students with disabilities suspended at a “red” rate', () => {
    const swd = inYear(seriesOf('SUSP_RATE', 'JMS', 'SWD'), 'Y2').at(-1)?.value ?? 0
    expect(swd).toBeGreaterThan(8)
  })
})

describe('storyline cycles', () => {
  it('show the signal (or the absence of one) their scripts expect, in the cycle window', () => {
    const d = demo()
    const checked: string[] = []
    for (const cycle of d.cycles) {
      for (const e of cycle.expectations) {
        const measure = measureByCode(e.measureCode)
        const series = seriesOf(e.measureCode, cycle.schoolCode, e.groupCode ?? 'ALL')
        expect(
          approximateVerdict(series, cycle, measure.higherIsBetter),
          `${cycle.key} ${e.measureCode}`,
        ).toBe(e.verdict)
        if (e.gap && e.groupCode) {
          const gap = gapSeries(seriesOf(e.measureCode, cycle.schoolCode, 'ALL'), series, measure.multiplier)
          const verdict = approximateVerdict(gap, cycle, false, { chart: 'i' })
          expect(verdict === 'improved' ? 'narrowed' : verdict, `${cycle.key} gap`).toBe(e.gap)
        }
        checked.push(`${cycle.key}:${e.measureCode}`)
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(10)
  })
})

import { describe, expect, it } from 'vitest'
import { windowLabelRows } from './window-label-rows'

const DAY = 86_400_000
const t0 = Date.UTC(2025, 7, 1)
const at = (days: number) => t0 + days * DAY
const label = 'Second-absence call — one… · Not enough data'

describe('windowLabelRows', () => {
  it('puts labels of windows far apart in the first row', () => {
    const rows = windowLabelRows(
      [
        { start: at(0), end: at(20), text: 'A · Improved' },
        { start: at(200), end: at(220), text: 'B · Improved' },
      ],
      at(0),
      at(480),
    )
    expect(rows.map((r) => r.row)).toEqual([0, 0])
  })

  it('moves a label that would run into its neighbour to the next free row', () => {
    // Four windows within a few weeks, as a ramp of short cycles: four rows, none printed over another;
    // a fifth window after the first label's end takes the first row again.
    const windows = [at(70), at(85), at(110), at(190), at(300)].map((start) => ({
      start,
      end: start + 14 * DAY,
      text: label,
    }))
    const rows = windowLabelRows(windows, at(0), at(480))
    expect(rows.map((r) => r.row)).toEqual([0, 1, 2, 3, 0])
  })

  it('anchors a label at the window’s end near the right edge of the chart', () => {
    const [last] = windowLabelRows([{ start: at(470), end: at(478), text: label }], at(0), at(480))
    expect(last).toEqual({ row: 0, alignEnd: true })
  })

  it('keeps the caller’s order whatever the order of the windows', () => {
    const rows = windowLabelRows(
      [
        { start: at(85), end: at(99), text: label },
        { start: at(70), end: at(84), text: label },
      ],
      at(0),
      at(480),
    )
    expect(rows.map((r) => r.row)).toEqual([1, 0])
  })
})

// Where each cycle window's label goes: labels sit in rows above the plot, each anchored at its window's
// start (or, near the right edge, its end). A label takes the first row where it does not run into the
// previous label (a new row when none is free, up to MAX_LABEL_ROWS), so neighbouring windows' labels
// never print over each other; the chart makes room for the rows used.

/** Rows the chart's top margin may grow to; beyond, labels share the row that frees up first. */
export const MAX_LABEL_ROWS = 6
/** Width of one character of the 11 px label font, and the plot width assumed when none is measured. */
const CHAR_PX = 6.4
const PLOT_PX = 1000

export interface LabelRowOptions {
  /** The plot's measured width in px (the chart's width less its axes). */
  plotPx?: number
  /** Px per character of the label, and px added around it. */
  charPx?: number
  padPx?: number
  maxRows?: number
}

export interface LabelledWindow {
  /** Window start and end as times (ms). */
  start: number
  end: number
  /** The label's text ("Family texts · Improved"). */
  text: string
}

/**
 * The row of each window's label (same order as `windows`) and whether it is anchored at the end.
 * `firstT`/`lastT`: the time span of the x-axis.
 */
export function windowLabelRows(
  windows: readonly LabelledWindow[],
  firstT: number,
  lastT: number,
  options: LabelRowOptions = {},
): { row: number; alignEnd: boolean }[] {
  const { plotPx = PLOT_PX, charPx = CHAR_PX, padPx = 2 * CHAR_PX, maxRows = MAX_LABEL_ROWS } = options
  const span = Math.max(1, lastT - firstT)
  const widthOf = (text: string) => ((text.length * charPx + padPx) * span) / Math.max(1, plotPx)
  const rowEnds: number[] = []
  const placed = new Map<number, { row: number; alignEnd: boolean }>()
  const order = windows.map((w, i) => ({ w, i })).sort((a, b) => a.w.start - b.w.start)
  for (const { w, i } of order) {
    const width = widthOf(w.text)
    const alignEnd = w.start + width > lastT
    const from = alignEnd ? w.end - width : w.start
    const to = alignEnd ? w.end : w.start + width
    let row = rowEnds.findIndex((end) => end <= from)
    if (row < 0) row = rowEnds.length < maxRows ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds))
    rowEnds[row] = to
    placed.set(i, { row, alignEnd })
  }
  return windows.map((_, i) => placed.get(i) ?? { row: 0, alignEnd: false })
}

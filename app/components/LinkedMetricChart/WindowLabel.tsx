import { VERDICT_LABELS, type VerdictKind } from '~/components/VerdictBadge'

const FILLS: Record<string, string> = {
  improved: '#0b7a55',
  narrowed: '#0b7a55',
  worsened: '#c92a2a',
  widened: '#c92a2a',
  mixed: '#6b3fa0',
  no_signal: '#495057',
  not_enough_data: '#8a3c00',
}

export const windowFill = (verdict: VerdictKind | null) =>
  verdict ? (FILLS[verdict] ?? '#495057') : '#495057'

const short = (s: string, max = 26) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** "Family texts · Improved" (long titles shortened). */
export const windowLabelText = (title: string, verdict: VerdictKind | null) =>
  `${short(title)} · ${verdict ? VERDICT_LABELS[verdict] : 'No verdict yet'}`

/** The label of a shaded cycle window: "Family texts · Improved", in its row above the plot (window-label-rows.ts). */
export function WindowLabel({
  viewBox,
  text,
  verdict,
  row,
  rows = 3,
  alignEnd = false,
}: {
  viewBox?: { x?: number; y?: number; width?: number }
  text: string
  verdict: VerdictKind | null
  row: number
  /** Rows of labels above the plot (row 0 is the top one). */
  rows?: number
  /** Anchor the label at the window's right edge (windows near the chart's right edge). */
  alignEnd?: boolean
}) {
  const x = alignEnd ? (viewBox?.x ?? 0) + (viewBox?.width ?? 0) - 2 : (viewBox?.x ?? 0) + 2
  const y = (viewBox?.y ?? 0) - 3 - rows * 13 + row * 13
  const label = windowLabelText(text, verdict)
  return (
    <text x={x} y={y + 10} fontSize={11} fill="#212529" textAnchor={alignEnd ? 'end' : 'start'}>
      <tspan fontWeight={700} fill={windowFill(verdict)}>
        {verdict ? '■ ' : '□ '}
      </tspan>
      {label}
    </text>
  )
}

/** The label of a re-baseline line: "New level after “Family texts” was adopted", right of the line. */
export function PhaseLabel({
  viewBox,
  text,
  row,
}: {
  viewBox?: { x?: number; y?: number; height?: number }
  text: string
  row: number
}) {
  const x = (viewBox?.x ?? 0) + 4
  const y = (viewBox?.y ?? 0) + 12 + row * 13
  return (
    <text x={x} y={y} fontSize={11} fill="#212529" fontWeight={600}>
      {short(text, 48)}
    </text>
  )
}

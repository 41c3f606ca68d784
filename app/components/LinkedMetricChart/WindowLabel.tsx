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

/** "Family texts · Improved" (the full title: the list under the chart wraps, never cuts). */
export const windowLabelText = (title: string, verdict: VerdictKind | null) =>
  `${title} · ${verdict ? VERDICT_LABELS[verdict] : 'No verdict yet'}`

/** Height of one row of window tags above the plot, in px. */
export const TAG_ROW_PX = 17

/** The tag's width in px for its number: the chart's layout (window-label-rows.ts) uses the same. */
export const tagWidth = (n: number) => 10 + String(n).length * 7

/**
 * The tag of a shaded cycle window: its number in a small box in the verdict's colour, in its row above
 * the plot (window-label-rows.ts, so tags never print over each other); the list under the chart says
 * what each number is, and hovering the tag shows it too.
 */
export function WindowTag({
  viewBox,
  n,
  fullText,
  verdict,
  row,
  rows = 3,
  alignEnd = false,
}: {
  viewBox?: { x?: number; y?: number; width?: number }
  n: number
  fullText: string
  verdict: VerdictKind | null
  row: number
  /** Rows of tags above the plot (row 0 is the top one). */
  rows?: number
  /** Anchor the tag at the window's right edge (windows near the chart's right edge). */
  alignEnd?: boolean
}) {
  const width = tagWidth(n)
  const left = alignEnd ? (viewBox?.x ?? 0) + (viewBox?.width ?? 0) - width : (viewBox?.x ?? 0)
  const top = (viewBox?.y ?? 0) - 4 - rows * TAG_ROW_PX + row * TAG_ROW_PX
  return (
    <g data-window-tag={n}>
      <title>{`${n}. ${fullText}`}</title>
      <rect x={left} y={top} width={width} height={TAG_ROW_PX - 3} rx={3} fill={windowFill(verdict)} />
      <text
        x={left + width / 2}
        y={top + TAG_ROW_PX - 7}
        fontSize={11}
        fontWeight={700}
        fill="#fff"
        textAnchor="middle"
      >
        {n}
      </text>
    </g>
  )
}

/** The label of a re-baseline line: "New level after “Family texts” was adopted", right of the line. */
export function PhaseLabel({
  viewBox,
  text,
  row,
  maxChars = 48,
}: {
  viewBox?: { x?: number; y?: number; height?: number }
  text: string
  row: number
  /** Characters that fit right of the line (the full text is the hover title). */
  maxChars?: number
}) {
  const x = (viewBox?.x ?? 0) + 4
  const y = (viewBox?.y ?? 0) + 12 + row * 13
  return (
    <text x={x} y={y} fontSize={11} fill="#212529" fontWeight={600}>
      <title>{text}</title>
      {short(text, maxChars)}
    </text>
  )
}

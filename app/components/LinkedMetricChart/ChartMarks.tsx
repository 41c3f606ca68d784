// Point marks that differ in shape as well as colour (never colour alone). A value is a small circle; a
// signal — a point a shown cycle's verdict named — is shaped and coloured by which way it moved:
// better = green diamond, worse = red downward triangle, neutral (no better direction) = ochre square;
// × = hidden (n below the threshold).
import type { SignalDirection } from './chart-data'

export const MARK_COLORS = {
  value: '#343a40',
  better: '#0b7a55',
  worse: '#c92a2a',
  neutral: '#8a6100',
  hidden: '#495057',
  centre: '#1c4f9c',
  limit: '#6b3fa0',
  /** A re-baseline break (a new phase after an adopted cycle). */
  phase: '#212529',
} as const

export type MarkKind = 'value' | SignalDirection | 'hidden'

/** The words for a signal point: legend, hover card and data table say the same. */
export const SIGNAL_WORDS: Record<SignalDirection, string> = {
  better: 'Signal: better (moved in the measure’s better direction)',
  worse: 'Signal: worse (moved in the measure’s worse direction)',
  neutral: 'Signal: no better or worse direction',
}

export function Mark({ kind, cx, cy, color }: { kind: MarkKind; cx: number; cy: number; color?: string }) {
  const c = color ?? MARK_COLORS[kind]
  if (kind === 'better') {
    return (
      <polygon
        points={`${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}`}
        fill={c}
        stroke="#fff"
        strokeWidth={1.25}
      />
    )
  }
  if (kind === 'worse') {
    return (
      <polygon
        points={`${cx - 7},${cy - 5} ${cx + 7},${cy - 5} ${cx},${cy + 7}`}
        fill={c}
        stroke="#fff"
        strokeWidth={1.25}
      />
    )
  }
  if (kind === 'neutral') {
    return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={c} stroke="#fff" strokeWidth={1.25} />
  }
  if (kind === 'hidden') {
    return (
      <g stroke={c} strokeWidth={2}>
        <line x1={cx - 4} y1={cy - 4} x2={cx + 4} y2={cy + 4} />
        <line x1={cx - 4} y1={cy + 4} x2={cx + 4} y2={cy - 4} />
      </g>
    )
  }
  return <circle cx={cx} cy={cy} r={3} fill={c} />
}

interface DotProps {
  cx?: number
  cy?: number
  index?: number
  payload?: { signalKind?: SignalDirection | null }
}

/** Recharts `dot` renderer for the value line. */
export function renderValueDot(props: DotProps) {
  const { cx, cy, index, payload } = props
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) {
    return <g key={`dot-${index}`} />
  }
  const kind = payload?.signalKind ?? 'value'
  return (
    <g key={`dot-${index}`} data-signal={payload?.signalKind ?? undefined}>
      <Mark kind={kind} cx={cx} cy={cy} />
    </g>
  )
}

/** Recharts `shape` renderer for the hidden-cell markers. */
export function renderHiddenMark(props: DotProps) {
  const { cx, cy, index } = props
  if (cx === undefined || cy === undefined) return <g key={`hidden-${index}`} />
  return <Mark key={`hidden-${index}`} kind="hidden" cx={cx} cy={cy} />
}

/** A legend swatch: a mark, or a line sample. */
export function Swatch({ kind, dash }: { kind: MarkKind | 'line' | 'area' | 'phase'; dash?: string }) {
  return (
    <svg width={22} height={16} aria-hidden style={{ flex: 'none' }}>
      {kind === 'phase' ? (
        <line
          x1={11}
          y1={0}
          x2={11}
          y2={16}
          stroke={MARK_COLORS.phase}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      ) : kind === 'line' ? (
        <line
          x1={1}
          y1={8}
          x2={21}
          y2={8}
          stroke={dash === 'limit' ? MARK_COLORS.limit : MARK_COLORS.centre}
          strokeWidth={2}
          strokeDasharray={dash === 'limit' ? '4 3' : undefined}
        />
      ) : kind === 'area' ? (
        <rect
          x={1}
          y={2}
          width={20}
          height={12}
          fill="#495057"
          fillOpacity={0.15}
          stroke="#495057"
          strokeOpacity={0.5}
        />
      ) : (
        <Mark kind={kind} cx={11} cy={8} />
      )}
    </svg>
  )
}

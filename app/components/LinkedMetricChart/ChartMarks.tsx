// Point marks that differ in shape as well as colour: circle = a value, diamond = part of a run signal
// (shift, trend, long run), triangle = outside the control limits, × = hidden (n below the threshold).

export const MARK_COLORS = {
  value: '#0f7a68',
  run: '#8a3c00',
  sigma: '#c92a2a',
  hidden: '#495057',
  centre: '#1c4f9c',
  limit: '#6b3fa0',
  /** A re-baseline break (a new phase after an adopted cycle). */
  phase: '#212529',
} as const

export function Mark({
  kind,
  cx,
  cy,
  color,
}: {
  kind: 'value' | 'run' | 'sigma' | 'hidden'
  cx: number
  cy: number
  color?: string
}) {
  const c = color ?? MARK_COLORS[kind]
  if (kind === 'run') {
    return (
      <polygon
        points={`${cx},${cy - 6} ${cx + 6},${cy} ${cx},${cy + 6} ${cx - 6},${cy}`}
        fill={c}
        stroke="#fff"
      />
    )
  }
  if (kind === 'sigma') {
    return (
      <polygon
        points={`${cx},${cy - 7} ${cx + 6.5},${cy + 5} ${cx - 6.5},${cy + 5}`}
        fill={c}
        stroke="#fff"
      />
    )
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
  payload?: { signalKind?: 'sigma' | 'run' | null }
}

/** Recharts `dot` renderer for the value line. */
export function renderValueDot(props: DotProps) {
  const { cx, cy, index, payload } = props
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) {
    return <g key={`dot-${index}`} />
  }
  return <Mark key={`dot-${index}`} kind={payload?.signalKind ?? 'value'} cx={cx} cy={cy} />
}

/** Recharts `shape` renderer for the hidden-cell markers. */
export function renderHiddenMark(props: DotProps) {
  const { cx, cy, index } = props
  if (cx === undefined || cy === undefined) return <g key={`hidden-${index}`} />
  return <Mark key={`hidden-${index}`} kind="hidden" cx={cx} cy={cy} />
}

/** A legend swatch: a mark, or a line sample. */
export function Swatch({
  kind,
  dash,
}: {
  kind: 'value' | 'run' | 'sigma' | 'hidden' | 'line' | 'area' | 'phase'
  dash?: string
}) {
  return (
    <svg width={22} height={14} aria-hidden style={{ flex: 'none' }}>
      {kind === 'phase' ? (
        <line
          x1={11}
          y1={0}
          x2={11}
          y2={14}
          stroke={MARK_COLORS.phase}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      ) : kind === 'line' ? (
        <line
          x1={1}
          y1={7}
          x2={21}
          y2={7}
          stroke={dash === 'limit' ? MARK_COLORS.limit : MARK_COLORS.centre}
          strokeWidth={2}
          strokeDasharray={dash === 'limit' ? '4 3' : undefined}
        />
      ) : kind === 'area' ? (
        <rect
          x={1}
          y={1}
          width={20}
          height={12}
          fill="#0f7a68"
          fillOpacity={0.15}
          stroke="#0f7a68"
          strokeOpacity={0.5}
        />
      ) : (
        <Mark kind={kind} cx={11} cy={7} />
      )}
    </svg>
  )
}

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

/** The label of a shaded cycle window: "Family texts · Improved", stacked in two rows so neighbours do not collide. */
export function WindowLabel({
  viewBox,
  text,
  verdict,
  row,
}: {
  viewBox?: { x?: number; y?: number; width?: number }
  text: string
  verdict: VerdictKind | null
  row: number
}) {
  const x = viewBox?.x ?? 0
  const y = (viewBox?.y ?? 0) - 30 + row * 13
  const label = `${short(text)} · ${verdict ? VERDICT_LABELS[verdict] : 'No verdict yet'}`
  return (
    <text x={x + 2} y={y + 10} fontSize={11} fill="#212529">
      <tspan fontWeight={700} fill={windowFill(verdict)}>
        {verdict ? '■ ' : '□ '}
      </tspan>
      {label}
    </text>
  )
}

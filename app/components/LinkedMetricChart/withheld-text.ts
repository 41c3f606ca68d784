// How a cell the release does not show reads (docs/decisions/017): "n < 10" for a small group, "Hidden"
// for a cell hidden so that another cannot be worked out, "≤ 5 %" / "≥ 95 %" for a rate near 0 or 100 %.
export type WithheldView =
  | { kind: 'small' }
  | { kind: 'hidden' }
  | { kind: 'coded'; bound: 'at_most' | 'at_least'; percent: number }

export function withheldText(withheld: WithheldView | null | undefined, threshold: number): string {
  if (!withheld || withheld.kind === 'small') return `n < ${threshold}`
  if (withheld.kind === 'hidden') return 'Hidden'
  return `${withheld.bound === 'at_most' ? '≤' : '≥'} ${withheld.percent} %`
}

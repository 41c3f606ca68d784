export { VERDICT_LABELS, VerdictBadge, type VerdictKind } from './VerdictBadge'

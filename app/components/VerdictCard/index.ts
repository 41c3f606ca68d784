export { type CycleMeasureVerdictView, periodsPhrase, RULE_LABELS, VerdictCard } from './VerdictCard'

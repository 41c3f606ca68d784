export { CycleVerdictHeadline } from './CycleVerdictHeadline'

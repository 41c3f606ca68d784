export { MeasureVerdict, MeasureVerdictList } from './MeasureVerdictList'

export { CycleLinkedMeasures, CycleMeasureChart, type VerdictChart } from './CycleLinkedMeasures'

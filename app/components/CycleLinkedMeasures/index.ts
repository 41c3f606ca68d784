export { CycleLinkedMeasures, CycleMeasureChart } from './CycleLinkedMeasures'

export { CycleLinkedMeasures } from './CycleLinkedMeasures'

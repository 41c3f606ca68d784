export { MeasureDefinition } from './MeasureDefinition'

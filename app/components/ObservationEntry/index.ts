export { ObservationEntry } from './ObservationEntry'

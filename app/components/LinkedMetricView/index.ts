export { linkedMetricInput } from './input'
export { LinkedMetricView } from './LinkedMetricView'

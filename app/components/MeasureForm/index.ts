export { MeasureForm } from './MeasureForm'
export { useMeasureScopes } from './use-measure-scopes'

export {
  ObservationsTable,
  type ObservationsTableMeasure,
  recentObservationsInput,
} from './ObservationsTable'
export { periodLabel } from './period-label'

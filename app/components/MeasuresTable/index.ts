export { MeasureFilters, type MeasureFilterValues } from './MeasureFilters'
export { MeasuresTable } from './MeasuresTable'

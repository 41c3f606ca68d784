export { LinkedMeasuresEditor } from './LinkedMeasuresEditor'

export { NarrativeField, type NarrativeFieldProps } from './NarrativeField'

export { ExplainedVerdict } from './ExplainedVerdict'

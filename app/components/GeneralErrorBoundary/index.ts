export { GeneralErrorBoundary } from './GeneralErrorBoundary.tsx'

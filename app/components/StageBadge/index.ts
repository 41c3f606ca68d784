export { StageBadge } from './StageBadge.tsx'

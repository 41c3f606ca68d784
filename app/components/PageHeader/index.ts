export { type Crumb, PageHeader } from './PageHeader.tsx'

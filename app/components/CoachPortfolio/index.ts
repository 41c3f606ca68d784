export { FeedbackModal, type FeedbackTarget } from './FeedbackModal'
export { PortfolioCyclesTable } from './PortfolioCyclesTable'
export { PortfolioFiltersBar } from './PortfolioFiltersBar'
export { PortfolioTeamCard } from './PortfolioTeamCard'
export {
  applyFilters,
  filtersFromParams,
  type PortfolioCycle,
  type PortfolioFilters,
  paramsFromFilters,
} from './portfolio-filters'

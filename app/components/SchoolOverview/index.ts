export { type DistrictGoalRow, DistrictGoalsTable } from './DistrictGoalsTable'
export { SchoolOverview } from './SchoolOverview'

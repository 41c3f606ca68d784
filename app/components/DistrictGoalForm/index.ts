export { DistrictGoalFormModal, type DistrictGoalValues } from './DistrictGoalFormModal'

export { DistrictSettingsForm } from './DistrictSettingsForm'

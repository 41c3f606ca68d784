export { SsoSettings } from './SsoSettings'

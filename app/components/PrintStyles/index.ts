export { PRINT_CSS, PrintStyles } from './PrintStyles'

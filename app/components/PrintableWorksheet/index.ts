export { PrintableWorksheet } from './PrintableWorksheet'

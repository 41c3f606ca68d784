export { CommandPalette, type PalettePage } from './CommandPalette'

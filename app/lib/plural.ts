/** "1 cycle", "3 cycles"; pass the plural when it is not singular + "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`
}

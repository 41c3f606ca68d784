// A PostgreSQL array literal ("{a,b,NULL}") for values that never need quoting: UUIDs, ISO dates and
// finite numbers (what the import writes, all produced by the checks, never raw file text). Sent as one
// text parameter and cast in SQL (`${pgArray(ids)}::text::uuid[]`).
const SAFE = /^[0-9A-Za-z.+-]+$/

export function pgArray(values: readonly (string | number | null)[]): string {
  const parts = new Array<string>(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null || v === undefined) parts[i] = 'NULL'
    else {
      const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v
      if (!SAFE.test(text)) throw new Error(`pgArray: unsafe element ${JSON.stringify(text)}`)
      parts[i] = text
    }
  }
  return `{${parts.join(',')}}`
}

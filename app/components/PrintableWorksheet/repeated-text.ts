// The questions and predictions are kept both as rows and, in many worksheets, as free text too: the
// printed sheet prints each once — the rows in the table, and of the free text only the lines the table
// does not already show.

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/^\s*(?:\d+[.)]|[-•*]|q\d*:?)\s*/u, '')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()

/**
 * The lines of `text` that none of `shown` contains (case, numbering and punctuation aside), joined
 * again; '' when the text only repeats what is shown.
 */
export function linesNotShown(text: string, shown: readonly string[]): string {
  const haystack = shown.map(normalize).filter((s) => s.length > 0)
  return text
    .split(/\n+/)
    .filter((line) => {
      const n = normalize(line)
      return n.length > 0 && !haystack.some((s) => s.includes(n))
    })
    .join('\n')
}

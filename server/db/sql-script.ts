// Splits a migration script into its statements for drivers that run one statement per query.
// `@prisma/adapter-pg` splits scripts on every ";", which breaks function bodies ($$ … $$) and string
// literals that contain one; this splitter knows PostgreSQL's quoting: '…' (with ''), E'…' (with \'),
// "…" identifiers, $tag$ … $tag$ bodies, -- line comments and nested /* … */ comments.

/** The statements of a SQL script, trimmed, without empty ones (comments kept inside statements). */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = []
  let start = 0
  let i = 0
  const n = script.length
  const push = (end: number) => {
    const statement = script.slice(start, end).trim()
    if (statement.length > 0 && !isOnlyComments(statement)) statements.push(statement)
  }
  while (i < n) {
    const c = script[i]
    const next = script[i + 1]
    if (c === '-' && next === '-') {
      const eol = script.indexOf('\n', i)
      i = eol === -1 ? n : eol + 1
    } else if (c === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < n && depth > 0) {
        if (script[i] === '/' && script[i + 1] === '*') {
          depth++
          i += 2
        } else if (script[i] === '*' && script[i + 1] === '/') {
          depth--
          i += 2
        } else i++
      }
    } else if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(script[i - 1] ?? '') && !/\w/.test(script[i - 2] ?? '')
      i++
      while (i < n) {
        if (escapes && script[i] === '\\') i += 2
        else if (script[i] === "'" && script[i + 1] === "'") i += 2
        else if (script[i] === "'") {
          i++
          break
        } else i++
      }
    } else if (c === '"') {
      i++
      while (i < n) {
        if (script[i] === '"' && script[i + 1] === '"') i += 2
        else if (script[i] === '"') {
          i++
          break
        } else i++
      }
    } else if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i))
      // A $n parameter or a $ inside an identifier is not a quote.
      if (tag && !/\w/.test(script[i - 1] ?? '')) {
        const close = script.indexOf(tag[0], i + tag[0].length)
        i = close === -1 ? n : close + tag[0].length
      } else i++
    } else if (c === ';') {
      push(i)
      i++
      start = i
    } else i++
  }
  push(n)
  return statements
}

function isOnlyComments(statement: string): boolean {
  return (
    statement
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/--[^\n]*/g, '')
      .trim().length === 0
  )
}

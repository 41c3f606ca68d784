// Where to send the browser after signing in: only a path of this site. One function for every
// redirect target that comes from a request (docs/decisions/019-http-hardening.md).

const SAME_ORIGIN = 'http://same-origin.invalid'
/** Printable ASCII without space: no TAB/CR/LF (URL parsers drop them), nothing a header cannot carry. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/

/**
 * `target` when it is a path of this site (`/cycles/1?tab=plan`), otherwise `fallback`.
 * Refused: anything not starting with one `/`; `//host` and every backslash form (`/\host`,
 * `/\/host`), which browsers read as another host; control characters (`/\t/host` becomes `//host`);
 * non-ASCII (a Location header cannot carry it: links are percent-encoded); over 2,000 characters.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2_000) return fallback
  if (!PRINTABLE_ASCII.test(target)) return fallback
  if (target[0] !== '/' || target[1] === '/' || target.includes('\\')) return fallback
  let url: URL
  try {
    url = new URL(target, SAME_ORIGIN)
  } catch {
    return fallback
  }
  // The parser browsers use must agree that it stays here.
  return url.origin === SAME_ORIGIN ? target : fallback
}

// The uploaded file's bytes from its base64 text. Authorization and the size limit are checked on the
// base64 length first (3 bytes per 4 characters), so a file over the limit is refused before it is
// decoded, let alone parsed.
import type { Actor } from '@pdsa/domain'
import { assertMayImport } from './prepare-import.ts'

export function decodeUpload(actor: Actor, contentBase64: string): Uint8Array {
  const padding = contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0
  assertMayImport(actor, Math.floor((contentBase64.length * 3) / 4) - padding)
  return new Uint8Array(Buffer.from(contentBase64, 'base64'))
}

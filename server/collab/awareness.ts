// Awareness (presence and cursors) from clients is checked before it reaches the room: a connection
// may only speak for the client ids it claimed first, states have a size cap, and the user's id and
// name are overwritten with the session's, so nobody can show a cursor under someone else's name.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The JSON state; "null" removes the client. */
  json: string
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      json: decoding.readVarString(decoder),
    })
  }
  return entries
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.json)
  }
  return encoding.toUint8Array(encoder)
}

export interface AwarenessPolicy {
  /** The connection that owns a client id, if any. */
  ownerOf(clientId: number): unknown
  self: unknown
  user: { id: string | null; name: string }
  maxStateBytes: number
}

/**
 * The entries of a client's awareness update that may be applied, with the session's identity written
 * into `state.user`. Throws on bytes that are not an awareness update or a state that is not JSON.
 */
export function sanitizeAwareness(update: Uint8Array, policy: AwarenessPolicy): AwarenessEntry[] {
  const kept: AwarenessEntry[] = []
  for (const entry of decodeAwarenessUpdate(update)) {
    const owner = policy.ownerOf(entry.clientId)
    if (owner !== undefined && owner !== policy.self) continue
    if (entry.json.length > policy.maxStateBytes) continue
    const state = JSON.parse(entry.json) as unknown
    if (state === null) {
      kept.push(entry)
      continue
    }
    if (typeof state !== 'object' || Array.isArray(state)) continue
    const record = state as Record<string, unknown>
    const user = typeof record.user === 'object' && record.user !== null ? record.user : {}
    record.user = { ...user, id: policy.user.id, name: policy.user.name }
    kept.push({ ...entry, json: JSON.stringify(record) })
  }
  return kept
}

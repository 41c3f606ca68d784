// Encoders for the messages the server sends: y-protocols sync/awareness/auth, plus the two extra
// message types (persisted, access) only sent to clients that asked for them with `?ack=1`.
import { COLLAB_MESSAGE } from '@pdsa/domain/collab'
import * as encoding from 'lib0/encoding'
import type { Awareness } from 'y-protocols/awareness'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { AccessMode } from './hooks.ts'

export { COLLAB_MESSAGE as MESSAGE }

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

export const syncStep1 = (doc: Y.Doc) =>
  message(COLLAB_MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, doc))

/** The part of `doc` a peer with state vector `stateVector` lacks (never the whole document). */
export const syncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  message(COLLAB_MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector))
  })

export const syncUpdate = (update: Uint8Array) =>
  message(COLLAB_MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, update))

export const awarenessMessage = (awareness: Awareness, clients: number[]) =>
  message(COLLAB_MESSAGE.awareness, (e) =>
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  )

/** y-protocols auth "permission denied": stock clients log the reason, the project's editor shows it. */
export const permissionDenied = (reason: string) =>
  message(COLLAB_MESSAGE.auth, (e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, reason)
  })

export const persistedMessage = (seq: number, stateVector: Uint8Array) =>
  message(COLLAB_MESSAGE.persisted, (e) => {
    encoding.writeVarUint(e, seq)
    encoding.writeVarUint8Array(e, stateVector)
  })

export const accessMessage = (mode: AccessMode, locked: readonly string[]) =>
  message(COLLAB_MESSAGE.access, (e) => {
    encoding.writeVarUint(e, mode === 'edit' ? 1 : 0)
    encoding.writeVarString(e, JSON.stringify({ locked }))
  })

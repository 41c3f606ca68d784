import { useEffect, useState } from 'react'
import type { CycleDocument } from './cycle-document'

export interface PresentUser {
  /** The user id the server wrote into the awareness state (absent for our own, local state). */
  key: string
  name: string
  color: string
  isSelf: boolean
}

interface AwarenessUser {
  id?: string
  name?: string
  color?: string
}

/** Who is in the document: one entry per user (several tabs of one person count once), you first. */
export function usePresence(document: CycleDocument | null, selfId: string | null): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([])
  useEffect(() => {
    if (!document) {
      setUsers([])
      return
    }
    const awareness = document.provider.awareness
    const compute = () => {
      const seen = new Map<string, PresentUser>()
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: AwarenessUser }).user
        if (!user?.name) continue
        // Our other tabs come back from the server with our id: they are us too.
        const isSelf = clientId === document.doc.clientID || (!!selfId && user.id === selfId)
        const key = isSelf ? 'self' : (user.id ?? `client-${clientId}`)
        if (!seen.has(key)) seen.set(key, { key, name: user.name, color: user.color ?? '#495057', isSelf })
      }
      const list = [...seen.values()]
      setUsers(list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name)))
    }
    compute()
    awareness.on('change', compute)
    return () => awareness.off('change', compute)
  }, [document, selfId])
  return users
}

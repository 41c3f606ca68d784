// The Content-Security-Policy nonce of this response (server/security-headers.ts): the server renders
// it on every inline script; in the browser it is empty (browsers hide nonces from the page).
import { createContext, useContext } from 'react'

export const NonceContext = createContext('')

export function useNonce(): string {
  return useContext(NonceContext)
}

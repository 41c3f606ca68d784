import { afterEach, beforeEach, vi } from 'vitest'

// Any console.error fails the test unless the test opts out with `allowConsoleError()` (epic-stack rule).
let consoleErrorAllowed = false
export function allowConsoleError() {
  consoleErrorAllowed = true
}

beforeEach(() => {
  consoleErrorAllowed = false
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (consoleErrorAllowed) return
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})

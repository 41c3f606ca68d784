// Server-rendered pages keep to what a person reads first (docs/decisions/027-server-throughput-and-page-weight.md):
// secondary parts render a placeholder of their size on the server and during hydration, and their content
// right after hydration. Client-side navigations render everything at once.
import { Skeleton } from '@mantine/core'
import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** false on the server and while hydrating; true once the page is interactive (and on client navigations). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

/**
 * Renders `children` after hydration (and once `ready`); until then a placeholder of about the same height,
 * so nothing below jumps.
 */
export function AfterHydration({
  height,
  ready = true,
  children,
}: {
  height: number
  ready?: boolean
  children: React.ReactNode
}) {
  return useHydrated() && ready ? (
    children
  ) : (
    <Skeleton height={height} className="app-placeholder" aria-hidden />
  )
}

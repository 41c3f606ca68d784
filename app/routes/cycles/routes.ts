import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const cycleRoutes: RouteConfigEntry[] = [
  route('cycles/:cycleId', 'routes/cycles/cycle.tsx'),
  route('cycles/:cycleId/print', 'routes/cycles/print.tsx'),
]

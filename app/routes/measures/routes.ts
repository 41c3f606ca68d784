import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const measureRoutes: RouteConfigEntry[] = [
  route('measures', 'routes/measures/measures.tsx'),
  route('measures/:measureId', 'routes/measures/measure.tsx'),
]

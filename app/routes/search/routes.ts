import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const searchRoutes: RouteConfigEntry[] = [route('search', 'routes/search/search.tsx')]

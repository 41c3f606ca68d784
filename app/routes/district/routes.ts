import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const districtRoutes: RouteConfigEntry[] = [route('district', 'routes/district/district.tsx')]

import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const coachRoutes: RouteConfigEntry[] = [route('coach', 'routes/coach/coach.tsx')]

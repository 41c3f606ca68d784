import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const goalRoutes: RouteConfigEntry[] = [route('goals/:goalId', 'routes/goals/goal.tsx')]

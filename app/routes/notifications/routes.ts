import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const notificationRoutes: RouteConfigEntry[] = [
  route('notifications', 'routes/notifications/notifications.tsx'),
  route('account/notifications', 'routes/notifications/preferences.tsx'),
]

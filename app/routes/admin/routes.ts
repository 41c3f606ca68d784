import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const adminRoutes: RouteConfigEntry[] = [
  route('admin', 'routes/admin/admin.tsx'),
  route('admin/audit', 'routes/admin/audit.tsx'),
  route('admin/outbox', 'routes/admin/outbox.tsx'),
]

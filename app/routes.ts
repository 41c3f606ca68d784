import { index, layout, type RouteConfig, route } from '@react-router/dev/routes'
import { adminRoutes } from './routes/admin/routes'
import { coachRoutes } from './routes/coach/routes'
import { cycleRoutes } from './routes/cycles/routes'
import { dataRoutes } from './routes/data/routes'
import { districtRoutes } from './routes/district/routes'
import { goalRoutes } from './routes/goals/routes'
import { measureRoutes } from './routes/measures/routes'
import { notificationRoutes } from './routes/notifications/routes'
import { searchRoutes } from './routes/search/routes'

// Each area lists its own pages in routes/<area>/routes.ts. Signed-in pages live under app-layout
// (header, navigation, sign-in check).
export default [
  route('login', 'routes/auth/login.tsx'),
  route('logout', 'routes/auth/logout.tsx'),
  route('auth/sso/callback', 'routes/auth/sso-callback.tsx'),
  route('forgot-password', 'routes/auth/forgot-password.tsx'),
  route('welcome/:token', 'routes/auth/set-password.tsx', { id: 'welcome' }),
  route('reset-password/:token', 'routes/auth/set-password.tsx', { id: 'reset-password' }),
  layout('routes/app-layout.tsx', [
    index('routes/home.tsx'),
    route('teams/:teamId', 'routes/teams/team.tsx'),
    ...goalRoutes,
    ...cycleRoutes,
    ...measureRoutes,
    ...coachRoutes,
    ...districtRoutes,
    ...searchRoutes,
    ...adminRoutes,
    ...dataRoutes,
    ...notificationRoutes,
  ]),
] satisfies RouteConfig

import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Paths of route modules are relative to app/.
export const districtRoutes: RouteConfigEntry[] = [
  route('district', 'routes/district/district.tsx'),
  route('district/alignment', 'routes/district/alignment.tsx'),
  route('district/alignment.csv', 'routes/district/alignment-csv.ts'),
  route('district/alignment/print', 'routes/district/alignment-print.tsx'),
  route('district/equity', 'routes/district/equity.tsx'),
]

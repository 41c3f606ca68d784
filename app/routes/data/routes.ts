import { type RouteConfigEntry, route } from '@react-router/dev/routes'

// Data in and out (docs/decisions/012-csv-import.md). Paths of route modules are relative to app/.
export const dataRoutes: RouteConfigEntry[] = [
  route('data/import', 'routes/data/import.tsx'),
  route('data/export', 'routes/data/export.tsx'),
  route('data/export/observations.csv', 'routes/data/export-observations-csv.ts'),
  route('data/export/cycles.csv', 'routes/data/export-cycles-csv.ts'),
]

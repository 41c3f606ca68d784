import { accountCases } from './accounts.cases.ts'
import { adminCases } from './admin.cases.ts'
import { analyticsCases } from './analytics.cases.ts'
import { coreCases } from './core.cases.ts'
import { cycleCases } from './cycles.cases.ts'
import { dataCases } from './data.cases.ts'
import { goalCases } from './goals.cases.ts'
import { notificationCases } from './notifications.cases.ts'
import { portfolioCases } from './portfolio.cases.ts'
import { ssoCases } from './sso.cases.ts'
import type { AuthzCase } from './types.ts'

// Each area adds its file here.
export const ALL_CASES: AuthzCase[] = [
  ...coreCases,
  ...adminCases,
  ...cycleCases,
  ...goalCases,
  ...portfolioCases,
  ...analyticsCases,
  ...dataCases,
  ...ssoCases,
  ...notificationCases,
  ...accountCases,
]

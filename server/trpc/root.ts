// One router per domain area; each router file only maps names to procedures (one file each).
import { createCallerFactory, router } from './init.ts'
import { analyticsRouter } from './routers/analytics/router.ts'
import { auditRouter } from './routers/audit/router.ts'
import { authRouter } from './routers/auth/router.ts'
import { changeIdeaRouter } from './routers/change-idea/router.ts'
import { coachRouter } from './routers/coach/router.ts'
import { commentRouter } from './routers/comment/router.ts'
import { cycleRouter } from './routers/cycle/router.ts'
import { dataRouter } from './routers/data/router.ts'
import { districtRouter } from './routers/district/router.ts'
import { districtGoalRouter } from './routers/district-goal/router.ts'
import { driverRouter } from './routers/driver/router.ts'
import { goalRouter } from './routers/goal/router.ts'
import { invitationRouter } from './routers/invitation/router.ts'
import { measureRouter } from './routers/measure/router.ts'
import { notificationRouter } from './routers/notification/router.ts'
import { observationRouter } from './routers/observation/router.ts'
import { orgRouter } from './routers/org/router.ts'
import { outboxRouter } from './routers/outbox/router.ts'
import { searchRouter } from './routers/search/router.ts'
import { ssoRouter } from './routers/sso/router.ts'

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  invitation: invitationRouter,
  outbox: outboxRouter,
  districtGoal: districtGoalRouter,
  goal: goalRouter,
  driver: driverRouter,
  changeIdea: changeIdeaRouter,
  cycle: cycleRouter,
  measure: measureRouter,
  observation: observationRouter,
  comment: commentRouter,
  audit: auditRouter,
  /** Read views for coaches (portfolio) and district leaders (overview, alignment). */
  coach: coachRouter,
  district: districtRouter,
  search: searchRouter,
  analytics: analyticsRouter,
  data: dataRouter,
  sso: ssoRouter,
  notification: notificationRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)

import { describe, expect, it } from 'vitest'
import { planWorkers } from './cluster-plan.ts'

const pg = 'postgres://u@h/db'
const redis = 'redis://h:6379'

describe('planWorkers', () => {
  it('runs one worker per core in production on PostgreSQL with Redis', () => {
    expect(planWorkers({ NODE_ENV: 'production', DATABASE_URL: pg, REDIS_URL: redis }, 4)).toEqual({
      ok: true,
      workers: 4,
    })
  })

  it('takes WEB_CONCURRENCY as the count, 1 meaning no cluster', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: pg, REDIS_URL: redis } as const
    expect(planWorkers({ ...base, WEB_CONCURRENCY: 3 }, 8)).toEqual({ ok: true, workers: 3 })
    expect(planWorkers({ ...base, WEB_CONCURRENCY: 1 }, 8)).toEqual({ ok: true, workers: 1 })
  })

  it('keeps the embedded database in one process and refuses more workers there', () => {
    expect(planWorkers({ NODE_ENV: 'production' }, 4)).toEqual({ ok: true, workers: 1 })
    const plan = planWorkers({ NODE_ENV: 'production', REDIS_URL: redis, WEB_CONCURRENCY: 2 }, 4)
    expect(plan.ok).toBe(false)
    expect(!plan.ok && plan.error).toMatch(/DATABASE_URL/)
  })

  it('without Redis serves from one process (collaboration would not cross workers) and says how to use every core', () => {
    const plan = planWorkers({ NODE_ENV: 'production', DATABASE_URL: pg }, 2)
    expect(plan).toEqual({ ok: true, workers: 1, note: 'One worker: set REDIS_URL to serve on all 2 cores.' })
    const many = planWorkers({ NODE_ENV: 'production', DATABASE_URL: pg, WEB_CONCURRENCY: 2 }, 2)
    expect(many.ok).toBe(false)
    expect(!many.ok && many.error).toMatch(/REDIS_URL/)
  })

  it('runs one process outside production (the development server has Vite in it)', () => {
    expect(planWorkers({ NODE_ENV: 'development', DATABASE_URL: pg, REDIS_URL: redis }, 4)).toEqual({
      ok: true,
      workers: 1,
    })
  })
})

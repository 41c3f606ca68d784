// The only module that knows TRPCError: services throw DomainError, mapped here (docs/decisions/005-error-model.md).
import {
  batchTooLargeMessage,
  DOMAIN_ERROR_CODES,
  type DomainErrorCode,
  isDomainError,
  requestTooLargeMessage,
} from '@pdsa/domain'
import { initTRPC, TRPCError } from '@trpc/server'
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc'
import superjson from 'superjson'
import { ZodError, z } from 'zod'
import { Prisma } from '../db/generated/client.ts'
import { observeProcedure } from '../ops/metrics.ts'
import type { TrpcContext } from './context.ts'
import { internalErrorId, internalErrorMessage, logInternalError } from './internal-error.ts'

const TRPC_CODE_FOR = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'PRECONDITION_FAILED',
  VALIDATION: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>

/** tRPC's own text when a batch exceeds `maxBatchSize` (server/app.ts); replaced by a clearer one. */
const TRPC_BATCH_TOO_LARGE = 'Batch call exceeds maximum size'

/** Who may call a procedure, in words; every procedure declares it (checked by the authorization matrix test). */
export interface ProcedureMeta {
  access: string
}

/** "plannedEnd: The planned end is before the planned start." */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join(' ')
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        // Last resort: whatever failed, its text (Prisma, SQL codes, stack) stays in the server's log.
        const id = internalErrorId(error)
        logInternalError(id, path, error.cause ?? error)
        return {
          ...shape,
          message: internalErrorMessage(id),
          data: {
            code: shape.data.code,
            httpStatus: shape.data.httpStatus,
            path: shape.data.path,
            stack: undefined,
            zodError: null,
            domainCode: isDomainError(error.cause) ? error.cause.code : null,
            fieldErrors: null,
            errorId: id,
          },
        }
      }
      const cause = error.cause
      const zodError = cause instanceof ZodError ? z.flattenError(cause) : null
      const domainCode = isDomainError(cause) ? cause.code : null
      const fieldErrors = isDomainError(cause) ? (cause.meta?.fieldErrors ?? null) : null
      return {
        ...shape,
        message:
          cause instanceof ZodError
            ? describeZodError(cause)
            : error.code === 'PAYLOAD_TOO_LARGE'
              ? requestTooLargeMessage()
              : error.message === TRPC_BATCH_TOO_LARGE
                ? batchTooLargeMessage()
                : error.code === 'PARSE_ERROR' || cause instanceof SyntaxError
                  ? // Never the JSON parser's own text.
                    'The request body is not valid JSON.'
                  : shape.message,
        data: {
          ...shape.data,
          // Never send stack traces to clients.
          stack: undefined,
          zodError,
          domainCode,
          fieldErrors,
          errorId: null,
        },
      }
    },
  })

function prismaToDomainCode(error: unknown): { code: DomainErrorCode; message: string } | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002')
      return { code: 'CONFLICT', message: 'A record with these values already exists.' }
    if (error.code === 'P2025') return { code: 'NOT_FOUND', message: 'Record not found.' }
    if (error.code === 'P2003') return { code: 'VALIDATION', message: 'A referenced record does not exist.' }
  }
  return null
}

const errorMapping = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok) {
    const cause = result.error.cause
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(cause), cause })
    }
    if (isDomainError(cause)) {
      throw new TRPCError({ code: TRPC_CODE_FOR[cause.code], message: cause.message, cause })
    }
    const mapped = prismaToDomainCode(cause)
    if (mapped) throw new TRPCError({ code: TRPC_CODE_FOR[mapped.code], message: mapped.message, cause })
  }
  return result
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory
/** Duration and outcome of every call, for /metrics (outermost: sees the mapped error codes). */
const procedureMetrics = t.middleware(async ({ path, type, next }) => {
  const started = performance.now()
  const result = await next()
  observeProcedure(path, type, (performance.now() - started) / 1000, result.ok ? null : result.error.code)
  return result
})

export const publicProcedure = t.procedure.use(procedureMetrics).use(errorMapping)

/** Signed in; mutations also need a valid CSRF token. `ctx.actor` is non-null inside. */
export const authedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' })
  if (type === 'mutation' && !ctx.csrfVerified) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Missing or invalid CSRF token: reload the page and try again.',
    })
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } })
})

export { DOMAIN_ERROR_CODES }

/** The closed set of error codes the server reports. Domain detail goes in `message` and `meta`. */
export const DOMAIN_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'INVALID_STATE',
  'VALIDATION',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

export interface DomainErrorMeta {
  /** Field-level problems, keyed by the input path ("plannedEnd", "questions.0.prediction"). */
  fieldErrors?: Record<string, string[]>
  [key: string]: unknown
}

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly meta: DomainErrorMeta | undefined

  constructor(code: DomainErrorCode, message: string, meta?: DomainErrorMeta) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.meta = meta
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof DomainError ||
    (error instanceof Error && error.name === 'DomainError' && 'code' in error)
  )
}

/** The same message for "does not exist" and "exists in another district": never leak which. */
export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found.`)
}

export function forbidden(message: string): DomainError {
  return new DomainError('FORBIDDEN', message)
}

// Inputs derived from a procedure's zod input schema: its JSON Schema (z.toJSONSchema, input side) turned
// into fast-check arbitraries that are mostly well-formed — real ids of the seeded world, dates, enums —
// with hostile values mixed in at every level, so calls reach the services and the database.
import fc from 'fast-check'
import { z } from 'zod'
import { hostileCsvBase64, hostileNumber, hostileString, hostileValue, PROTOTYPE_KEYS } from './hostile.ts'

type JsonSchema = {
  type?: string | string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  default?: unknown
}

export interface ArbitraryContext {
  /** Ids that exist in the seeded database (of the caller's district and of another). */
  ids: readonly string[]
  /** Codes the CSV import resolves (measures, schools, student groups). */
  codes: { measure: string[]; school: string[]; group: string[] }
  /** How often a leaf is replaced by a hostile value (0 to 1). */
  hostileShare: number
}

const isoDate = fc
  .date({ min: new Date('1999-12-01T00:00:00Z'), max: new Date('2101-01-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** An arbitrary of the values `schema` accepts (roughly: refinements are not known), with hostile ones mixed in. */
export function arbitraryForZod(schema: z.ZodType, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return fromJsonSchema(json, ctx, '')
}

function withHostile(arb: fc.Arbitrary<unknown>, ctx: ArbitraryContext, kind: 'string' | 'number' | 'any') {
  const weight = Math.round(ctx.hostileShare * 100)
  const hostile =
    kind === 'string'
      ? fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue })
      : kind === 'number'
        ? fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileValue })
        : hostileValue
  return fc.oneof({ weight: 100 - weight, arbitrary: arb }, { weight, arbitrary: hostile })
}

function fromJsonSchema(s: JsonSchema, ctx: ArbitraryContext, key: string): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromJsonSchema(a, ctx, key)))
  if (s.enum) return withHostile(fc.constantFrom(...s.enum), ctx, 'string')
  if (s.const !== undefined) return fc.constant(s.const)
  if (Array.isArray(s.type))
    return fc.oneof(...s.type.map((type) => fromJsonSchema({ ...s, type }, ctx, key)))
  switch (s.type) {
    case 'string':
      return withHostile(stringArbitrary(s, ctx, key), ctx, 'string')
    case 'number':
    case 'integer':
      return withHostile(numberArbitrary(s), ctx, 'number')
    case 'boolean':
      return withHostile(fc.boolean(), ctx, 'any')
    case 'null':
      return fc.constant(null)
    case 'array': {
      const items = s.items ? fromJsonSchema(s.items, ctx, key) : fc.anything()
      const maxLength = Math.min(s.maxItems ?? 6, 6)
      return withHostile(
        fc.array(items, { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength }),
        ctx,
        'any',
      )
    }
    case 'object': {
      const properties = s.properties ?? {}
      const required = new Set(s.required ?? [])
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromJsonSchema(v, ctx, k)])),
        { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) },
      )
      // Sometimes a prototype key rides along, sometimes a required key is missing (record drops it).
      const withExtras = fc
        .tuple(record, fc.option(fc.constantFrom(...PROTOTYPE_KEYS), { freq: 8 }), fc.option(hostileValue))
        .map(([value, extraKey, extraValue]) => {
          if (extraKey === null) return value
          const copy = JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>
          Object.defineProperty(copy, extraKey, {
            value: extraValue,
            enumerable: true,
            configurable: true,
            writable: true,
          })
          return copy
        })
      return withHostile(withExtras, ctx, 'any')
    }
    default:
      return fc.oneof(fc.constant(undefined), hostileValue, fc.jsonValue())
  }
}

function stringArbitrary(s: JsonSchema, ctx: ArbitraryContext, key: string): fc.Arbitrary<unknown> {
  if (key === 'contentBase64') return hostileCsvBase64(ctx.codes)
  if (s.format === 'uuid') return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.ids) }, fc.uuid())
  if (s.format === 'date') return isoDate
  if (s.format === 'email') return fc.emailAddress()
  if (s.format === 'uri') return fc.webUrl()
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 10_000))
    } catch {
      // Patterns fast-check cannot generate from fall through to plain strings.
    }
  }
  const maxLength = Math.min(s.maxLength ?? 300, 300)
  const minLength = Math.min(s.minLength ?? 0, maxLength)
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.constantFrom('Attendance', 'weekly', 'LCAP 2', 'reading fluency'),
  )
}

function numberArbitrary(s: JsonSchema): fc.Arbitrary<unknown> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000)
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000)
  const ints = fc.integer({
    min: Math.ceil(Math.max(min, -(2 ** 31))),
    max: Math.floor(Math.min(max, 2 ** 31 - 1)),
  })
  if (s.type === 'integer') return ints
  return fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
}

// Hostile values the fuzz suite mixes into every input (docs/decisions/021-input-hygiene.md): text no
// column can hold, text that looks like code, numbers no measure can reach, keys that reach prototypes.
import fc from 'fast-check'

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'before\u0000after',
  '\uD800',
  'lone high \uD83D end',
  'lone low \uDE00 end',
  '\uDE00\uD83D',
  '😀 paired 👩🏽‍🏫',
  '\u202Eevil\u202C right-to-left override',
  'مرحبا بالعالم שלום',
  '\'; DROP TABLE "User"; --',
  "' OR '1'='1",
  '%_\\',
  '"quoted phrase" -excluded or',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text is the point here
  '${process.exit(1)}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '\r\n\t',
  '\u00A0\u2028\u2029\uFEFF',
  'e\u0301\u0301\u0301',
  'x'.repeat(201),
  'y'.repeat(5_000),
  'z'.repeat(60_000),
  '2025-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '-1e308',
]

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 31,
  -(2 ** 31) - 1,
  1e21,
]

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS)
export const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS)

/** Any hostile value, of any type: what a field of any type may receive instead of its own. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, [], {}, [null]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__":{"isAdmin":true}}'),
      { constructor: { prototype: { polluted: true } } },
      [HOSTILE_STRINGS[3], HOSTILE_STRINGS[5]],
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
)

/** A CSV import file of hostile cells around the world's real codes, as base64. */
export function hostileCsvBase64(codes: { measure: string[]; school: string[]; group: string[] }) {
  const cell = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...codes.measure, ...codes.school, ...codes.group, 'ALL') },
    { weight: 2, arbitrary: fc.constantFrom('2025-09-01', '2025-09-08', '2025-10-01', '1', '50', '0', '-3') },
    { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 300)) },
    { weight: 1, arbitrary: hostileNumber.map(String) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  )
  const header = fc.oneof(
    fc.constant('measure,school,period,student_group,value,numerator,denominator'),
    fc.constant('measure,school,period,student_group,numerator,denominator'),
    fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(',')),
  )
  return fc
    .tuple(
      header,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('utf8', 'latin1', 'utf16le') as fc.Arbitrary<BufferEncoding>,
    )
    .map(([head, rows, eol, encoding]) =>
      Buffer.from([head, ...rows.map((r) => r.join(','))].join(eol), encoding).toString('base64'),
    )
}

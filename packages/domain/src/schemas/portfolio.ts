// Inputs of the coach portfolio, the district alignment audit and the cross-school search.
import { z } from 'zod'
import { CYCLE_STAGES } from '../cycle.ts'
import { IdSchema, TextSchema } from './common.ts'

/** What a linked measure's cycle verdict can be (computed by the analytics engine). */
export const CYCLE_VERDICT_KINDS = ['improved', 'worsened', 'no_signal', 'not_enough_data'] as const
export type CycleVerdictKindName = (typeof CYCLE_VERDICT_KINDS)[number]
export const CYCLE_VERDICT_LABELS: Record<CycleVerdictKindName, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  no_signal: 'No signal',
  not_enough_data: 'Not enough data',
}

/** What an equity goal's gap verdict can be. */
export const GAP_VERDICT_KINDS = ['narrowed', 'widened', 'no_signal', 'not_enough_data'] as const
export type GapVerdictKindName = (typeof GAP_VERDICT_KINDS)[number]
export const GAP_VERDICT_LABELS: Record<GapVerdictKindName, string> = {
  narrowed: 'Narrowing',
  widened: 'Widening',
  no_signal: 'No signal',
  not_enough_data: 'Not enough data',
}

export const SearchCyclesInputSchema = z.object({
  /** Words to find (web-search syntax: "quoted phrase", -excluded, or). Empty: every cycle, newest first. */
  q: TextSchema.trim().max(200, { message: 'At most 200 characters.' }).default(''),
  studentGroupId: IdSchema.optional(),
  measureId: IdSchema.optional(),
  verdict: z.enum(CYCLE_VERDICT_KINDS, { message: 'Pick a verdict from the list.' }).optional(),
  stage: z.enum(CYCLE_STAGES, { message: 'Pick a stage from the list.' }).optional(),
  limit: z
    .number()
    .int()
    .min(1, { message: 'At least 1.' })
    .max(100, { message: 'At most 100 results.' })
    .default(50),
})
export type SearchCyclesInput = z.infer<typeof SearchCyclesInputSchema>

/** The alignment export and printable report, optionally for one school (the page's school filter). */
export const AlignmentExportInputSchema = z
  .object({ schoolId: IdSchema.nullish() })
  .optional()
  .transform((v) => ({ schoolId: v?.schoolId ?? null }))
export type AlignmentExportInput = z.input<typeof AlignmentExportInputSchema>

/** The command palette's search: goals, cycles, measures and teams the user may open. */
export const QuickSearchInputSchema = z.object({
  q: TextSchema.trim()
    .min(2, { message: 'Type at least 2 characters.' })
    .max(100, { message: 'At most 100 characters.' }),
  limit: z.number().int().min(1).max(30).default(12),
})
export type QuickSearchInput = z.infer<typeof QuickSearchInputSchema>

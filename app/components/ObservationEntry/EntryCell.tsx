import { TextInput } from '@mantine/core'
import { formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { memo } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import type { CellErrors, Draft, Field } from './use-entry-grid'

interface EntryCellProps {
  cellKey: string
  draft: Draft
  errors: CellErrors | undefined
  ratio: boolean
  dirty: boolean
  unit: MeasureUnit
  multiplier: number
  /** "English learners, week of Mar 2, 2026": read with each input's name. */
  label: string
  disabled: boolean
  /** Saved value that every other surface hides (or shows as a range), for every role. */
  hiddenElsewhere: boolean
  threshold: number
  onChange: (key: string, field: Field, text: string) => void
}

function preview(draft: Draft, unit: MeasureUnit, multiplier: number): string {
  const n = Number(draft.numerator)
  const d = Number(draft.denominator)
  if (draft.numerator.trim() === '' || draft.denominator.trim() === '' || !Number.isFinite(n) || !(d > 0))
    return ' '
  return `= ${formatMeasureValue((n / d) * multiplier, unit)}`
}

/** One cell of the entry grid: a value, or a numerator over a denominator, with its error or computed value. */
export const EntryCell = memo(function EntryCell({
  cellKey,
  draft,
  errors,
  ratio,
  dirty,
  unit,
  multiplier,
  label,
  disabled,
  hiddenElsewhere,
  threshold,
  onChange,
}: EntryCellProps) {
  const id = `cell-${cellKey.replace(/[^A-Za-z0-9-]/g, '-')}`
  const message = errors?.numerator ?? errors?.denominator ?? errors?.value
  const input = (field: Field, name: string) => (
    <TextInput
      size="xs"
      w={ratio ? 62 : 88}
      inputMode="decimal"
      autoComplete="off"
      aria-label={`${name}, ${label}`}
      aria-describedby={message ? `${id}-msg` : undefined}
      error={errors?.[field] ? true : undefined}
      value={draft[field]}
      disabled={disabled}
      onChange={(e) => onChange(cellKey, field, e.currentTarget.value)}
      styles={dirty ? { input: { backgroundColor: 'var(--mantine-color-yellow-0)' } } : undefined}
    />
  )
  return (
    <Stack gap={2}>
      {ratio ? (
        <Group gap={4} wrap="nowrap">
          {input('numerator', 'Numerator')}
          <Text size="xs" aria-hidden>
            /
          </Text>
          {input('denominator', 'Denominator')}
        </Group>
      ) : (
        input('value', 'Value')
      )}
      {message ? (
        <Text id={`${id}-msg`} size="xs" c="red.8" maw={150}>
          {message}
        </Text>
      ) : ratio ? (
        <Text size="xs" c="dimmed">
          {preview(draft, unit, multiplier)}
        </Text>
      ) : null}
      {hiddenElsewhere && !dirty ? (
        <Text
          size="xs"
          c="orange.9"
          title={`Charts, tables and exports show “n < ${threshold}” or “Hidden” here.`}
        >
          Hidden elsewhere
        </Text>
      ) : null}
    </Stack>
  )
})

import { NumberInput, Select } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { formatSchoolYearStart, isSchoolYearStart, MONTH_NAMES, schoolYearStartProblem } from '@pdsa/domain'
import { useId } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

type InputProps = ReturnType<UseFormReturnType<Record<string, unknown>>['getInputProps']>

const MONTHS = MONTH_NAMES.map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label }))

/** 'MM-DD' from the month ('07') and day (1, or what was typed) fields; '' parts stay visible to validation. */
export function toSchoolYearStart(month: string, day: number | string): string {
  const d = typeof day === 'number' ? String(day) : day.trim()
  return `${month}-${d.padStart(2, '0')}`
}

/** What is wrong with the chosen month and day, in the form's words, or null. */
export function schoolYearStartFieldProblem(month: string, day: number | string): string | null {
  const d = Number(day)
  if (!Number.isInteger(d) || d < 1 || d > 31) return 'Enter a day from 1 to 31.'
  const problem = schoolYearStartProblem(toSchoolYearStart(month, d))
  if (!problem || (month === '02' && d === 29)) return problem
  return `${MONTHS.find((m) => m.value === month)?.label ?? 'That month'} has no day ${d}.`
}

/** The first day of the school year, as a month and a day; year-to-date measures restart on it. */
export function SchoolYearStartInput({
  month,
  day,
  disabled,
}: {
  month: InputProps
  day: InputProps
  disabled: boolean
}) {
  const value = toSchoolYearStart(String(month.value ?? ''), day.value as number | string)
  const errorId = useId()
  return (
    <Stack gap={4} component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Text component="legend" size="sm" fw={600} p={0}>
        School year starts on
      </Text>
      <Text size="xs" c="dimmed">
        Year-to-date measures (chronic absence to date, suspensions to date…) restart from zero on this day
        each year. Most California districts use July 1.
      </Text>
      <Group gap="xs" align="flex-start">
        <Select
          aria-label="Month the school year starts"
          data={MONTHS}
          allowDeselect={false}
          disabled={disabled}
          w={170}
          {...month}
        />
        <NumberInput
          aria-label="Day the school year starts"
          aria-describedby={day.error ? errorId : undefined}
          min={1}
          max={31}
          allowDecimal={false}
          disabled={disabled}
          w={90}
          {...day}
          error={Boolean(day.error)}
        />
      </Group>
      {day.error ? (
        <Text size="xs" c="red.8" id={errorId}>
          {day.error}
        </Text>
      ) : isSchoolYearStart(value) ? (
        <Text size="xs" c="dimmed">
          A school year runs from {formatSchoolYearStart(value)} to the day before it the next year.
        </Text>
      ) : null}
    </Stack>
  )
}

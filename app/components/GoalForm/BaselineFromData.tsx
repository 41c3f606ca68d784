import { Alert, Anchor, Loader } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { formatIsoDate, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'
import { IconAlertTriangle, IconDatabase } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { type GoalFormValues, toNumber } from './goal-form-values'

export type DataBaseline = RouterOutputs['goal']['dataBaseline']

/** The data's answer for the aim chosen so far (null until measure, group and baseline date are set). */
export function useDataBaseline(schoolId: string, v: GoalFormValues) {
  const trpc = useTRPC()
  const ready =
    Boolean(v.measureId && v.focalGroupId && v.baselineDate) &&
    (v.referenceKind !== 'named_group' || Boolean(v.referenceGroupId))
  return useQuery({
    ...trpc.goal.dataBaseline.queryOptions({
      schoolId,
      measureId: v.measureId ?? '',
      focalGroupId: v.focalGroupId ?? '',
      referenceKind: v.referenceKind,
      referenceGroupId: v.referenceKind === 'named_group' ? v.referenceGroupId : null,
      baselineDate: v.baselineDate ?? '',
    }),
    enabled: ready,
    staleTime: 60_000,
  })
}

/** Whether the baseline in the form is the data's (what the server is told, and checks). */
export function baselineSourceOf(v: GoalFormValues, data: DataBaseline | undefined): 'data' | 'manual' {
  const value = toNumber(v.baselineValue)
  return data?.baseline && value !== null && Math.abs(value - data.baseline.value) < 0.005 ? 'data' : 'manual'
}

/**
 * Under the baseline fields: where the baseline comes from ("From data: 7.5 % (…)" or "Entered by
 * hand"), the latest value, and a warning when the focal group is not worse off than its comparison.
 * An empty baseline (and baseline gap) is filled from the data; a typed one is kept.
 */
export function BaselineFromData({
  form,
  query,
}: {
  form: UseFormReturnType<GoalFormValues>
  query: ReturnType<typeof useDataBaseline>
}) {
  const values = form.getValues()
  const data = query.data
  const baseline = data?.baseline ?? null
  useEffect(() => {
    if (!data) return
    const current = form.getValues()
    if (data.baseline && toNumber(current.baselineValue) === null)
      form.setFieldValue('baselineValue', data.baseline.value)
    if (data.gap && current.referenceKind !== 'fixed_target' && toNumber(current.baselineGap) === null)
      form.setFieldValue('baselineGap', data.gap.value)
  }, [data, form])
  if (query.fetchStatus === 'fetching' && !data) {
    return (
      <Group gap="xs" mt="xs">
        <Loader size="xs" aria-hidden />
        <Text size="xs" c="dimmed">
          Looking up the baseline in the data…
        </Text>
      </Group>
    )
  }
  if (!data) {
    return (
      <Text size="xs" c="dimmed" mt="xs">
        Choose the measure, the focal group and the baseline date to fill the baseline from the data.
      </Text>
    )
  }
  const unit = data.unit as MeasureUnit
  const fromData = baselineSourceOf(values, data) === 'data'
  return (
    <>
      <Group gap={6} mt="xs" wrap="nowrap" align="flex-start">
        <IconDatabase size={14} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
        <Text size="xs" data-testid="baseline-source">
          {baseline ? (
            <>
              {fromData ? 'From data' : 'Entered by hand; the data give'}:{' '}
              <strong>{formatMeasureValue(baseline.value, unit)}</strong> (median of {baseline.points} points,{' '}
              {formatIsoDate(baseline.from, 'short')} – {formatIsoDate(baseline.to, 'short')}).{' '}
              {fromData ? null : (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => form.setFieldValue('baselineValue', baseline.value)}
                >
                  Use the data’s value
                </Anchor>
              )}
            </>
          ) : (
            data.baselineMissing
          )}
          {data.current
            ? ` Latest: ${formatMeasureValue(data.current.value, unit)} (${formatIsoDate(data.current.period, 'short')}).`
            : ''}
        </Text>
      </Group>
      {data.gap && !data.gap.adverse ? (
        <Alert
          mt="xs"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={
            <Text component="span" fw={700} size="sm" c="dark.9">
              No adverse gap in the data
            </Text>
          }
        >
          <Text size="sm">{data.gap.message}</Text>
        </Alert>
      ) : null}
    </>
  )
}

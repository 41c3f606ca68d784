import { Alert, Button, Loader, MultiSelect, Paper, Select, Tooltip } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import {
  hasRegularPeriods,
  isoDateInZone,
  periodAlignmentRule,
  periodStart,
  recentPeriods,
  shiftPeriod,
} from '@pdsa/domain'
import { IconChevronLeft, IconChevronRight, IconInfoCircle } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTimeZone } from '~/hooks/use-district-time'
import { parseClientError, useTRPC } from '~/lib/trpc'
import type { RouterOutputs } from '~/lib/types'
import { EntryTable } from './EntryTable'
import { useEntryGrid } from './use-entry-grid'

type Measure = RouterOutputs['measure']['byId']
type StudentGroup = RouterOutputs['org']['studentGroups'][number]
const PERIODS = 8

/** The observation entry grid for one school: periods by cadence down, student groups across. */
export function ObservationEntry({
  measure,
  groups,
  initialSchoolId,
}: {
  measure: Measure
  groups: StudentGroup[]
  /** The school to start with, when the caller may enter its data (else the first one they may). */
  initialSchoolId?: string
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  // Today in the district, as the server checks it: a period that starts later is in the future.
  const today = isoDateInZone(new Date(), useDistrictTimeZone())
  const [schoolId, setSchoolId] = useState(
    measure.entrySchools.find((s) => s.id === initialSchoolId)?.id ?? measure.entrySchools[0]?.id ?? '',
  )
  const [groupIds, setGroupIds] = useState(groups.map((g) => g.id))
  const current = periodStart(measure.cadence, today)
  const [end, setEnd] = useState(current)
  const [extraPeriods, setExtraPeriods] = useState<string[]>([])
  const regular = hasRegularPeriods(measure.cadence)
  const windowPeriods = regular ? recentPeriods(measure.cadence, end, PERIODS) : []
  const { data, isPending } = useQuery({
    ...trpc.observation.entryGrid.queryOptions(
      regular
        ? { measureId: measure.id, schoolId, from: windowPeriods.at(-1), to: windowPeriods[0] }
        : { measureId: measure.id, schoolId },
    ),
    enabled: schoolId !== '',
    placeholderData: keepPreviousData,
  })
  const grid = useEntryGrid(measure, data?.observations)
  const periods = regular
    ? windowPeriods
    : [...new Set([...extraPeriods, ...(data?.observations ?? []).map((o) => o.period)])]
        .sort()
        .reverse()
        .slice(0, 12)
  const shown = groups.filter((g) => groupIds.includes(g.id))
  const dirty = grid.dirtyKeys.length > 0
  const [saving, setSaving] = useState<number | null>(null)
  const save = useMutation(trpc.observation.save.mutationOptions())
  const remove = useMutation(trpc.observation.delete.mutationOptions())

  async function onSave() {
    const { rows, deletes, problems } = grid.prepare(today)
    if (Object.keys(problems).length > 0) {
      grid.setErrors(problems)
      notifications.show({
        color: 'red',
        title: 'Not saved',
        message: 'Fix the values marked in red, then save again.',
      })
      return
    }
    setSaving(rows.length + deletes.length)
    try {
      const result = rows.length
        ? await save.mutateAsync({
            measureId: measure.id,
            schoolId,
            observations: rows.map(({ key: _k, ...r }) => r),
          })
        : { inserted: 0, updated: 0, unchanged: 0 }
      if (deletes.length) await remove.mutateAsync({ ids: deletes })
      await queryClient.invalidateQueries({ queryKey: trpc.observation.pathKey() })
      await queryClient.invalidateQueries({ queryKey: trpc.measure.pathKey() })
      grid.reset()
      const parts = [`${result.inserted} new`, `${result.updated} changed`]
      if (deletes.length) parts.push(`${deletes.length} removed`)
      notifications.show({ color: 'green', message: `Saved: ${parts.join(', ')}.` })
    } catch (error) {
      const parsed = parseClientError(error)
      grid.applyServerErrors(parsed.fieldErrors, rows)
      notifications.show({ color: 'red', title: 'Not saved', message: parsed.message })
    } finally {
      setSaving(null)
    }
  }

  const lockedHint = 'Save or discard your changes first.'
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {measure.entrySchools.length > 1 ? (
            <Tooltip label={lockedHint} disabled={!dirty}>
              <Select
                label="School"
                data={measure.entrySchools.map((s) => ({ value: s.id, label: s.name }))}
                value={schoolId}
                onChange={(v) => v && setSchoolId(v)}
                allowDeselect={false}
                searchable
                disabled={dirty}
                w={240}
              />
            </Tooltip>
          ) : (
            <Stack gap={2} miw={160}>
              <Text size="sm" fw={600}>
                School
              </Text>
              <Text size="sm" py={6}>
                {measure.entrySchools[0]?.name}
              </Text>
            </Stack>
          )}
          <MultiSelect
            label="Student groups"
            data={groups.map((g) => ({ value: g.id, label: g.name }))}
            value={groupIds}
            onChange={setGroupIds}
            clearable={false}
            maw={520}
            style={{ flex: 1, minWidth: 240 }}
          />
          {regular ? (
            <Group gap={4}>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} aria-hidden />}
                disabled={dirty}
                onClick={() => setEnd(shiftPeriod(measure.cadence, end, -PERIODS))}
              >
                Earlier
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={16} aria-hidden />}
                disabled={dirty || end >= current}
                onClick={() => {
                  // ISO dates compare as strings: never past the current period.
                  setEnd([shiftPeriod(measure.cadence, end, PERIODS), current].sort()[0] as string)
                }}
              >
                Later
              </Button>
            </Group>
          ) : (
            <DateInput
              label="Add a period"
              placeholder="Start date"
              valueFormat="MMM D, YYYY"
              maxDate={today}
              value={null}
              onChange={(d) => d && setExtraPeriods((p) => [...new Set([...p, String(d).slice(0, 10)])])}
              w={180}
            />
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {grid.ratio
            ? 'Enter the students counted (numerator) over the students in the group (denominator); the value is computed.'
            : 'Enter one value per group and period.'}{' '}
          {periodAlignmentRule(measure.cadence) === 'Any date.' ? '' : periodAlignmentRule(measure.cadence)}{' '}
          Empty a cell to remove its value. Cells marked “Hidden elsewhere” (fewer than{' '}
          {data?.suppressionThreshold ?? 10} students, or values that would reveal them) appear hidden in
          every chart, table and export, for everyone; opening them here is recorded in the audit log.
        </Text>
        {isPending && schoolId ? (
          <Loader size="sm" role="status" aria-label="Loading the grid" />
        ) : shown.length === 0 || periods.length === 0 ? (
          <Alert variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {shown.length === 0
              ? 'Choose at least one student group.'
              : 'Add a period to start entering data.'}
          </Alert>
        ) : (
          <EntryTable
            measure={measure}
            schoolName={measure.entrySchools.find((s) => s.id === schoolId)?.name ?? ''}
            periods={periods}
            groups={shown}
            current={current}
            grid={grid}
            disabled={saving !== null}
            threshold={data?.suppressionThreshold ?? 10}
          />
        )}
        <Group justify="space-between">
          <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} aria-live="polite">
            {saving !== null
              ? `Saving ${saving} ${saving === 1 ? 'change' : 'changes'}…`
              : dirty
                ? `${grid.dirtyKeys.length} unsaved ${grid.dirtyKeys.length === 1 ? 'change' : 'changes'}`
                : 'No unsaved changes'}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty || saving !== null} onClick={grid.reset}>
              Discard
            </Button>
            <Button onClick={onSave} loading={saving !== null} disabled={!dirty}>
              Save data
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  )
}

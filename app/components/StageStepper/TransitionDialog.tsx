import { Alert, Button, List, Modal } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import {
  type CycleStage,
  formatIsoDate,
  isoDateInZone,
  proposedTransitionDate,
  STAGE_LABELS,
  TRANSITION_CONSEQUENCES,
} from '@pdsa/domain'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { useDistrictTimeZone } from '~/hooks/use-district-time'
import { preventEnterSubmit } from '~/lib/prevent-enter-submit'

/**
 * Asks before a stage moves forward: what the move records (the actual start or end, editable here and
 * checked by the server) and what it locks. Server refusals are listed inside the dialog.
 */
export function TransitionDialog({
  cycle,
  to,
  opened,
  onClose,
  onConfirm,
  pending,
  problems,
}: {
  cycle: CycleView
  to: CycleStage
  opened: boolean
  onClose: () => void
  onConfirm: (dates: { actualStart?: string; actualEnd?: string }) => void
  pending: boolean
  problems: { field: string; message: string }[]
}) {
  // Today in the district, not in UTC: an evening in California is still today there.
  const timeZone = useDistrictTimeZone()
  const today = isoDateInZone(new Date(), timeZone)
  const proposed = proposedTransitionDate(to, cycle, today)
  const [date, setDate] = useState<string | null>(proposed?.date ?? null)
  const label = to === 'complete' ? 'Complete the cycle' : `Move to ${STAGE_LABELS[to]}`
  const planned = proposed?.field === 'actualStart' ? cycle.plannedStart : cycle.plannedEnd
  const dateError = problems.filter((p) => p.field === proposed?.field).map((p) => p.message)
  const otherProblems = problems.filter((p) => p.field !== proposed?.field)
  return (
    <Modal opened={opened} onClose={onClose} title={`${label}?`} size="md">
      <form
        noValidate
        onKeyDown={preventEnterSubmit}
        onSubmit={(e) => {
          e.preventDefault()
          if (!proposed) return onConfirm({})
          if (!date) return
          onConfirm({ [proposed.field]: date })
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {to === 'do' ? (
              <IconLock size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
            ) : null}
            {TRANSITION_CONSEQUENCES[to]}
          </Text>
          {proposed ? (
            <DateInput
              label={proposed.field === 'actualStart' ? 'Actual start of the test' : 'Actual end of the test'}
              description={`Planned: ${formatIsoDate(planned)}. Not after today.`}
              valueFormat="MMM D, YYYY"
              maxDate={today}
              withAsterisk
              value={date}
              onChange={(v) => setDate(v)}
              error={dateError.length > 0 ? dateError.join(' ') : date ? undefined : 'Pick a date.'}
              data-autofocus
            />
          ) : null}
          {otherProblems.length > 0 ? (
            <Alert
              color="orange"
              variant="light"
              title={
                <Text component="span" fw={700} size="sm" c="dark.9">
                  Before moving to {STAGE_LABELS[to]}:
                </Text>
              }
            >
              <List size="sm" spacing={4}>
                {otherProblems.map((p) => (
                  <List.Item key={p.message}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={Boolean(proposed) && !date}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

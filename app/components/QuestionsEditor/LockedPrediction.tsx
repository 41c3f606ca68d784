import { Tooltip } from '@mantine/core'
import { formatIsoDate } from '@pdsa/domain'
import { IconLock } from '@tabler/icons-react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { type CycleQuestion, describePredictedValue } from './question-values'

/** A question and its prediction as written in Plan; with `lockedOn`, marked as locked since the test started. */
export function LockedPrediction({
  question,
  index,
  lockedOn,
}: {
  question: CycleQuestion
  index: number
  lockedOn: string | null | false
}) {
  const predicted = describePredictedValue(question)
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {index + 1}. {question.question}
      </Text>
      <Group gap={6} align="flex-start" wrap="nowrap">
        {lockedOn !== false ? (
          <Tooltip label="Predictions cannot change once the test has started.">
            <IconLock size={16} aria-label="Locked" style={{ flexShrink: 0, marginTop: 2 }} />
          </Tooltip>
        ) : null}
        <Stack gap={2}>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Prediction:{' '}
            </Text>
            {question.prediction || <em>none written</em>}
          </Text>
          {predicted ? (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                Predicted value:{' '}
              </Text>
              {predicted}
            </Text>
          ) : null}
          {lockedOn !== false ? (
            <Text size="xs" c="dimmed">
              Locked when the test started{lockedOn ? ` on ${formatIsoDate(lockedOn)}` : ''}.
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Stack>
  )
}

import { Alert, Button, Modal, Textarea } from '@mantine/core'
import { type CycleStage, previousStage, STAGE_LABELS } from '@pdsa/domain'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

/** The team lead's move back one stage: says what happens and asks for the reason (kept in the history). */
export function MoveBackDialog({
  stage,
  opened,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  stage: CycleStage
  opened: boolean
  onClose: () => void
  onConfirm: (reason: string) => void
  pending: boolean
  error: string | null
}) {
  const [reason, setReason] = useState('')
  const to = previousStage(stage)
  const [touched, setTouched] = useState(false)
  if (!to) return null
  const tooShort = reason.trim().length < 10
  const cleared =
    stage === 'do'
      ? ' The actual start is cleared; it is asked again when the cycle moves to Do.'
      : stage === 'study'
        ? ' The actual end is cleared; it is asked again when the cycle moves to Study.'
        : stage === 'complete'
          ? ' The worksheet can be edited again, and a change idea this decision had updated goes back to “testing”.'
          : ''
  return (
    <Modal opened={opened} onClose={onClose} title={`Move back to ${STAGE_LABELS[to]}?`} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (!tooShort) onConfirm(reason.trim())
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            The cycle goes back from {STAGE_LABELS[stage]} to {STAGE_LABELS[to]}.{cleared} Predictions that
            were locked stay locked. The move and its reason are kept in the version history and the audit
            log.
          </Text>
          <Textarea
            label="Why does the cycle go back?"
            withAsterisk
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && tooShort ? 'Say why, in at least 10 characters.' : undefined}
            data-autofocus
          />
          {error ? (
            <Alert color="red" variant="light" title="Not moved back">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={pending}>
              Move back to {STAGE_LABELS[to]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

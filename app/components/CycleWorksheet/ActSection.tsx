import { Radio, Textarea } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { type ActDecision, DECISION_LABELS } from '@pdsa/domain'
import { useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { type CycleView, NewCycleButton } from '~/components/NewCycleModal'
import { SaveState } from '~/components/SaveState'
import { Text } from '~/components/Text'
import { useReportUnsaved } from '~/hooks/use-unsaved-changes'
import { Narrative } from './narrative'
import { useCycleUpdate } from './use-cycle-update'
import { WorksheetSection } from './WorksheetSection'

const HELP: Record<ActDecision, string> = {
  adopt: 'Keep the change and spread it.',
  adapt: 'Change it and test again in a next cycle.',
  abandon: 'Stop testing this change.',
}

/** The spread plan saves itself a moment after typing stops, like the notes (ADR 025). */
function SpreadPlan({ cycle }: { cycle: CycleView }) {
  const [text, setText] = useState(cycle.spreadPlan)
  const [saved, setSaved] = useState(cycle.spreadPlan)
  const [error, setError] = useState<string | null>(null)
  const update = useCycleUpdate('', (e) => setError(e.spreadPlan ?? null))
  const save = useDebouncedCallback(
    (value: string) => {
      update.mutate(
        { id: cycle.id, spreadPlan: value },
        {
          onSuccess: () => {
            setSaved(value)
            setError(null)
          },
        },
      )
    },
    { delay: 800, flushOnUnmount: true },
  )
  const dirty = text !== saved
  useReportUnsaved('Spread and sustain plan', dirty)
  return (
    <Stack gap="xs">
      <Textarea
        label="Spread and sustain plan"
        description="Required to adopt: where will the change go next, who supports it, how will you keep it going?"
        withAsterisk={cycle.decision === 'adopt'}
        autosize
        minRows={2}
        value={text}
        error={error}
        onChange={(e) => {
          const value = e.currentTarget.value
          setText(value)
          save(value)
        }}
        onBlur={() => save.flush()}
      />
      <Group justify="flex-end">
        <SaveState
          state={update.isPending ? 'saving' : dirty ? (error ? 'unsaved' : 'saving') : 'saved'}
          label="Spread and sustain plan"
        />
      </Group>
    </Stack>
  )
}

/** Act: adopt, adapt or abandon, why, and the next cycle of the ramp. */
export function ActSection({ cycle }: { cycle: CycleView }) {
  const update = useCycleUpdate('Decision saved.')
  return (
    <WorksheetSection
      stage="act"
      current={cycle.stage}
      title="Act"
      intro="Decide what to do with the change, and why."
    >
      {cycle.canEdit ? (
        <Radio.Group
          label="Decision"
          value={cycle.decision}
          onChange={(v) => update.mutate({ id: cycle.id, decision: v as ActDecision })}
        >
          <Stack gap={6} mt={6}>
            {(Object.keys(HELP) as ActDecision[]).map((d) => (
              <Radio
                key={d}
                value={d}
                label={DECISION_LABELS[d]}
                description={HELP[d]}
                disabled={update.isPending}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm">
          <Text span fw={600} size="sm">
            Decision:{' '}
          </Text>
          {cycle.decision ? DECISION_LABELS[cycle.decision] : 'not made yet'}
        </Text>
      )}
      {cycle.canEdit ? (
        <SpreadPlan key={cycle.spreadPlan} cycle={cycle} />
      ) : cycle.spreadPlan ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="sm">
            Spread plan:{' '}
          </Text>
          {cycle.spreadPlan}
        </Text>
      ) : null}
      <Narrative cycle={cycle} section="act" label="Rationale and next cycle" />
      {cycle.canEdit ? (
        <Group>
          <NewCycleButton
            teamId={cycle.team.id}
            previous={cycle}
            label="Plan the next cycle"
            variant="light"
          />
          <Text size="xs" c="dimmed">
            Continues this ramp as cycle {cycle.cycleNumber + 1}.
          </Text>
        </Group>
      ) : null}
    </WorksheetSection>
  )
}

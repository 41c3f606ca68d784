import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core'
import { type ActDecision, DECISION_LABELS } from '@pdsa/domain'
import { useState } from 'react'
import { type CycleView, NewCycleButton } from '~/components/NewCycleModal'
import { Narrative } from './narrative'
import { useCycleUpdate } from './use-cycle-update'
import { WorksheetSection } from './WorksheetSection'

const HELP: Record<ActDecision, string> = {
  adopt: 'Keep the change and spread it.',
  adapt: 'Change it and test again in a next cycle.',
  abandon: 'Stop testing this change.',
}

function SpreadPlan({ cycle }: { cycle: CycleView }) {
  const [text, setText] = useState(cycle.spreadPlan)
  const [error, setError] = useState<string | null>(null)
  const update = useCycleUpdate('Spread plan saved.', (e) => setError(e.spreadPlan ?? null))
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
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          variant="default"
          loading={update.isPending}
          disabled={text === cycle.spreadPlan}
          onClick={() => update.mutate({ id: cycle.id, spreadPlan: text })}
        >
          Save spread plan
        </Button>
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

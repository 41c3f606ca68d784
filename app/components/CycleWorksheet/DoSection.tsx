import { Radio } from '@mantine/core'
import { Stack } from '~/components/Layout'
import type { CycleView } from '~/components/NewCycleModal'
import { Text } from '~/components/Text'
import { Narrative } from './narrative'
import { useCycleUpdate } from './use-cycle-update'
import { WorksheetSection } from './WorksheetSection'

const asValue = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no')

/** Do: was the test carried out as planned, and what happened. */
export function DoSection({ cycle }: { cycle: CycleView }) {
  const update = useCycleUpdate('Saved.')
  return (
    <WorksheetSection
      stage="do"
      current={cycle.stage}
      title="Do"
      intro="Run the test. Note what happened, problems and surprises."
    >
      {cycle.canEdit ? (
        <Radio.Group
          label="Carried out as planned?"
          value={asValue(cycle.carriedOutAsPlanned)}
          onChange={(v) => update.mutate({ id: cycle.id, carriedOutAsPlanned: v === 'yes' })}
        >
          <Stack gap={6} mt={6}>
            <Radio value="yes" label="Yes, as planned" disabled={update.isPending} />
            <Radio value="no" label="No, with changes (describe them below)" disabled={update.isPending} />
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm">
          <Text span fw={600} size="sm">
            Carried out as planned:{' '}
          </Text>
          {cycle.carriedOutAsPlanned === null ? 'not recorded' : cycle.carriedOutAsPlanned ? 'yes' : 'no'}
        </Text>
      )}
      <Narrative cycle={cycle} section="do" />
    </WorksheetSection>
  )
}

import { CYCLE_STAGES, type CycleStage, STAGE_LABELS } from '@pdsa/domain'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'

// The stage colours of StageBadge, as text (shades 8–9 keep 4.5:1 on white).
const COLORS: Record<CycleStage, string> = {
  plan: 'blue.8',
  do: 'violet.8',
  study: 'orange.9',
  act: 'grape.8',
  complete: 'gray.7',
}

/** Cycles per stage in one line: "Plan 2 · Do 1 · Study 0 · Act 0 · Complete 3". */
export function StageCounts({ counts }: { counts: Record<CycleStage, number> }) {
  const total = CYCLE_STAGES.reduce((n, s) => n + counts[s], 0)
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No cycles yet
      </Text>
    )
  }
  return (
    <Group gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Cycles by stage">
      {CYCLE_STAGES.map((stage) => (
        <Text key={stage} component="li" size="sm" c={counts[stage] ? COLORS[stage] : 'dimmed'}>
          {STAGE_LABELS[stage]}{' '}
          <Text span fw={700} inherit>
            {counts[stage]}
          </Text>
        </Text>
      ))}
    </Group>
  )
}

import { Badge } from '@mantine/core'
import { type CycleStage, STAGE_LABELS } from '@pdsa/domain'

// Dark shades (8–9) keep white-on-colour text above 4.5:1 contrast.
const COLORS: Record<CycleStage, string> = {
  plan: 'blue.8',
  do: 'violet.8',
  study: 'cyan.9',
  act: 'grape.8',
  complete: 'gray.7',
}

export function StageBadge({ stage, size = 'sm' }: { stage: CycleStage; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    // Never shortened to "COMPL…" by a narrow table column: a stage is one short word.
    <Badge color={COLORS[stage]} size={size} variant="filled" miw="max-content">
      {STAGE_LABELS[stage]}
    </Badge>
  )
}

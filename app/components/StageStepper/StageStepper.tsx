import { Stepper } from '@mantine/core'
import { CYCLE_STAGES, type CycleStage } from '@pdsa/domain'

const STEPS: { label: string; description: string }[] = [
  { label: 'Plan', description: 'Predict' },
  { label: 'Do', description: 'Run the test' },
  { label: 'Study', description: 'Compare' },
  { label: 'Act', description: 'Decide' },
]

/** Where the cycle is in Plan → Do → Study → Act; a complete cycle shows every step done. */
export function StageStepper({ stage }: { stage: CycleStage }) {
  const active = CYCLE_STAGES.indexOf(stage)
  return (
    <nav aria-label={`Cycle stage: ${stage}`}>
      <Stepper active={active} allowNextStepsSelect={false} size="sm" iconSize={32}>
        {STEPS.map((s, i) => (
          <Stepper.Step
            key={s.label}
            label={s.label}
            description={s.description}
            aria-current={i === active ? 'step' : undefined}
          />
        ))}
      </Stepper>
    </nav>
  )
}

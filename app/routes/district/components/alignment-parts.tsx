// Pieces of the district alignment audit shared by the interactive page and the printable report:
// verdict tallies, the findings list and the plan-cascade tree. Not a route module.
import { Anchor, Badge, Paper, Title } from '@mantine/core'
import {
  CYCLE_VERDICT_KINDS,
  CYCLE_VERDICT_LABELS,
  DECISION_LABELS,
  FINDING_KIND_LABELS,
  GAP_VERDICT_KINDS,
  GAP_VERDICT_LABELS,
} from '@pdsa/domain'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { CycleVerdictHeadline } from '~/components/CycleVerdictHeadline'
import { ExplainedVerdict } from '~/components/ExplainedVerdict'
import { Group, Stack } from '~/components/Layout'
import { StageBadge } from '~/components/StageBadge'
import { StageCounts } from '~/components/StageCounts'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import { plural } from '~/lib/plural'
import type { RouterOutputs } from '~/lib/types'

export type Alignment = RouterOutputs['district']['alignment']
export type AlignmentDistrictGoal = Alignment['districtGoals'][number]
export type AlignmentGoal = AlignmentDistrictGoal['goals'][number]
export type AlignmentFlag = Alignment['flags'][number]
type ChangeIdeaNode = AlignmentGoal['changeIdeas'][number]
type CycleNode = ChangeIdeaNode['cycles'][number]
type VerdictCounts = AlignmentGoal['verdicts']
type GapCounts = AlignmentDistrictGoal['gaps']

export const FLAG_LABELS: Record<AlignmentFlag['kind'], string> = FINDING_KIND_LABELS

const SEVERITY_COLOR = { high: 'red.9', medium: 'orange.9', low: 'gray.8' } as const
const SEVERITY_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const

/** "2 improved · 1 no signal" as small badges (nothing when there is no verdict). */
export function VerdictTally({
  verdicts,
  empty = 'No verdicts yet',
}: {
  verdicts: VerdictCounts
  empty?: string
}) {
  const kinds = CYCLE_VERDICT_KINDS.filter((k) => verdicts[k] > 0)
  if (kinds.length === 0) {
    return (
      <Text span size="xs" c="dimmed">
        {empty}
      </Text>
    )
  }
  return (
    <Group gap={4} component="span">
      {kinds.map((k) => (
        <VerdictBadge
          key={k}
          verdict={k}
          size="xs"
          label={`${verdicts[k]} ${CYCLE_VERDICT_LABELS[k].toLowerCase()}`}
        />
      ))}
    </Group>
  )
}

/** Gap verdicts of a set of goals: "1 narrowing · 2 no signal". */
export function GapTally({ gaps }: { gaps: GapCounts }) {
  const kinds = GAP_VERDICT_KINDS.filter((k) => gaps[k] > 0)
  if (kinds.length === 0) return null
  return (
    <Group gap={4} component="span">
      {kinds.map((k) => (
        <VerdictBadge
          key={k}
          verdict={k}
          size="xs"
          label={`${gaps[k]} ${gaps[k] === 1 ? 'gap' : 'gaps'}: ${GAP_VERDICT_LABELS[k].toLowerCase()}`}
        />
      ))}
    </Group>
  )
}

/** The audit's findings, most serious first. */
export function FindingsList({ flags }: { flags: readonly AlignmentFlag[] }) {
  if (flags.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No findings: every goal aligns to a district goal, every district goal has goals and active cycles,
        and every active cycle links a measure.
      </Text>
    )
  }
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Findings">
      {flags.map((f) => (
        // Flags have no id of their own; the kind and what it concerns identify one.
        <li key={[f.kind, f.districtGoalId, f.schoolId, f.goalId, f.cycleId, f.studentGroupId].join('-')}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge
              size="xs"
              variant="outline"
              color={SEVERITY_COLOR[f.severity]}
              style={{ flexShrink: 0, background: 'var(--mantine-color-white)' }}
              mt={3}
            >
              {SEVERITY_LABEL[f.severity]}
            </Badge>
            <Text size="sm">
              <Text span fw={600} inherit>
                {FLAG_LABELS[f.kind]}:
              </Text>{' '}
              {f.message}
              {f.cycleId ? (
                <>
                  {' '}
                  <Anchor component={Link} to={`/cycles/${f.cycleId}`} inherit>
                    Open the cycle
                  </Anchor>
                </>
              ) : f.goalId ? (
                <>
                  {' '}
                  <Anchor component={Link} to={`/goals/${f.goalId}`} inherit>
                    Open the goal
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  )
}

function CycleLine({ cycle }: { cycle: CycleNode }) {
  return (
    <li>
      <Group gap={6} wrap="wrap">
        <StageBadge stage={cycle.stage} size="xs" />
        <Anchor component={Link} to={`/cycles/${cycle.id}`} size="sm">
          {cycle.title}
        </Anchor>
        <Text span size="xs" c="dimmed">
          Cycle {cycle.cycleNumber} · {cycle.team.name}
          {cycle.decision ? ` · ${DECISION_LABELS[cycle.decision]}` : ''}
        </Text>
      </Group>
      {cycle.measures.length === 0 ? (
        <Text size="xs" c="orange.9" fw={600} ml="md">
          Links no measure
        </Text>
      ) : (
        <Group gap={4} ml="md" mt={2}>
          <CycleVerdictHeadline headline={cycle.headline} />
          {cycle.measures.map((m) =>
            m.verdict ? (
              <ExplainedVerdict
                key={`${m.id}-${m.studentGroupName ?? ''}`}
                verdict={m.verdict}
                subject={m.studentGroupName ? `${m.name} (${m.studentGroupName})` : m.name}
                message={m.message}
                size="xs"
              />
            ) : (
              <Badge
                key={`${m.id}-${m.studentGroupName ?? ''}`}
                size="xs"
                variant="outline"
                color="gray.8"
                tt="none"
              >
                {m.name}
                {m.studentGroupName ? ` (${m.studentGroupName})` : ''}: no verdict yet
              </Badge>
            ),
          )}
        </Group>
      )}
    </li>
  )
}

function ChangeIdeaBlock({ idea }: { idea: ChangeIdeaNode }) {
  return (
    <li>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {idea.title}
        </Text>
        <Badge
          size="xs"
          variant="outline"
          color="gray.8"
          tt="none"
          style={{ background: 'var(--mantine-color-white)' }}
        >
          {idea.status}
        </Badge>
        <Text span size="xs" c="dimmed">
          {plural(idea.cycleCount, 'cycle')}
          {idea.latestDecision ? ` · latest decision: ${DECISION_LABELS[idea.latestDecision]}` : ''}
        </Text>
        <VerdictTally verdicts={idea.verdicts} empty="" />
      </Group>
      {idea.cycles.length > 0 ? (
        <Stack gap={4} component="ul" pl="md" mt={4} mb={0} style={{ listStyle: 'none' }}>
          {idea.cycles.map((c) => (
            <CycleLine key={c.id} cycle={c} />
          ))}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed" ml="md">
          Not tested in a cycle yet
        </Text>
      )}
    </li>
  )
}

/** One school or team goal: where it is, whom it is for, its gap verdict, and its change ideas and cycles. */
export function GoalBlock({ goal }: { goal: AlignmentGoal }) {
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to={`/goals/${goal.id}`} fw={600} size="sm">
            {goal.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {goal.school.name}
            {goal.team ? ` · ${goal.team.name}` : ' · school goal'} · for {goal.focalGroupName} · measured by{' '}
            {goal.measure.name}
            {goal.status !== 'active' ? ` · ${goal.status}` : ''}
          </Text>
        </Stack>
        {goal.gap ? (
          <ExplainedVerdict verdict={goal.gap.verdict} message={goal.gap.message} size="xs" />
        ) : null}
      </Group>
      <Group gap="md" mt={6}>
        <StageCounts counts={goal.stages} />
        <VerdictTally verdicts={goal.verdicts} empty="" />
      </Group>
      {goal.changeIdeas.length + goal.otherCycles.length > 0 ? (
        <Stack gap={6} component="ul" pl="md" mt="xs" mb={0} style={{ listStyle: 'none' }}>
          {goal.changeIdeas.map((idea) => (
            <ChangeIdeaBlock key={idea.id} idea={idea} />
          ))}
          {goal.otherCycles.length > 0 ? (
            <li>
              <Text size="sm" fw={600}>
                Cycles testing no recorded change idea
              </Text>
              <Stack gap={4} component="ul" pl="md" mt={4} mb={0} style={{ listStyle: 'none' }}>
                {goal.otherCycles.map((c) => (
                  <CycleLine key={c.id} cycle={c} />
                ))}
              </Stack>
            </li>
          ) : null}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed" mt={4}>
          No change ideas or cycles yet.
        </Text>
      )}
    </Paper>
  )
}

/** The counts of one level of the tree, in words. */
export function RollUpLine({
  node,
}: {
  node: Pick<
    AlignmentDistrictGoal,
    'schoolCount' | 'goalCount' | 'changeIdeaCount' | 'cycleCount' | 'activeCycles'
  >
}) {
  return (
    <Text size="sm" c="dimmed" component="span">
      {plural(node.schoolCount, 'school')} · {plural(node.goalCount, 'goal')} ·{' '}
      {plural(node.changeIdeaCount, 'change idea')} · {plural(node.cycleCount, 'cycle')} ({node.activeCycles}{' '}
      active)
    </Text>
  )
}

/** A district goal and everything aligned to it, as a disclosure (native details/summary: keyboard-ready). */
export function DistrictGoalNode({
  node,
  open,
  goals,
}: {
  node: AlignmentDistrictGoal
  open: boolean
  goals: readonly AlignmentGoal[]
}) {
  const headingId = `dg-${node.id}`
  // The goals under a closed district goal are rendered when it is opened: the server sends summaries only
  // (the whole cascade of twelve schools is a large page), and the print page passes open for everything.
  const [isOpen, setOpen] = useState(open)
  useEffect(() => setOpen(open), [open])
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <details open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary style={{ cursor: 'pointer' }}>
          <Title order={3} size="h4" id={headingId} style={{ display: 'inline' }}>
            {node.code} · {node.title}
          </Title>
          <Group gap="sm" mt={6} ml="lg" component="span">
            <RollUpLine node={node} />
            <VerdictTally verdicts={node.verdicts} empty="" />
            <GapTally gaps={node.gaps} />
          </Group>
        </summary>
        {!isOpen ? null : goals.length === 0 ? (
          <Text size="sm" c="orange.9" fw={600} mt="sm">
            {node.goalCount === 0
              ? 'No school or team goal is aligned to this district goal.'
              : 'No goal of the selected school is aligned to this district goal.'}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} mt="sm" mb={0} style={{ listStyle: 'none' }}>
            {goals.map((g) => (
              <GoalBlock key={g.id} goal={g} />
            ))}
          </Stack>
        )}
      </details>
    </Paper>
  )
}

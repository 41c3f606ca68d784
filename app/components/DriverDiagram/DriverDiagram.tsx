import { DECISION_LABELS } from '@pdsa/domain'
import { Link } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import type { RouterOutputs } from '~/lib/types'
import classes from './DriverDiagram.module.css'

type Diagram = RouterOutputs['goal']['diagram']
type Progress = RouterOutputs['analytics']['goalProgress']
type Live = Progress['live']
type NodeSummary = Live['goal']
type Idea = Diagram['primaries'][number]['secondaries'][number]['changeIdeas'][number]

const SIGNAL_LABELS: Record<NodeSummary['signal']['status'], string> = {
  improved: 'Signal: improved',
  worsened: 'Signal: worsened',
  mixed: 'Mixed signals',
  no_signal: 'No signal yet',
  not_enough_data: 'Not enough data',
  untested: 'Not tested yet',
}

const EMPTY: NodeSummary = {
  cycleCount: 0,
  latestDecision: null,
  latestCycleId: null,
  signal: { status: 'untested', improved: 0, worsened: 0, noSignal: 0, notEnoughData: 0 },
}

function countText(n: number) {
  return `${n} ${n === 1 ? 'cycle' : 'cycles'}`
}

/** A node of the diagram: its title (a link to its cycles when it has any), cycle count, decision, signal. */
function Node({
  level,
  title,
  summary,
  to,
  extra,
}: {
  level: 'aim' | 'primary' | 'secondary' | 'idea'
  title: string
  summary: NodeSummary
  to: string | null
  extra?: React.ReactNode
}) {
  const decision = summary.latestDecision ? DECISION_LABELS[summary.latestDecision] : null
  return (
    <div className={`${classes.node} ${classes[level]}`} data-node={level}>
      <Stack gap={4}>
        {to ? (
          to.startsWith('#') ? (
            <a href={to} className={classes.title}>
              {title}
            </a>
          ) : (
            <Link to={to} className={classes.title}>
              {title}
            </Link>
          )
        ) : (
          <span className={classes.title}>{title}</span>
        )}
        <Text size="xs" c="dimmed">
          {countText(summary.cycleCount)}
          {decision ? ` · latest decision: ${decision}` : summary.cycleCount ? ' · no decision yet' : ''}
        </Text>
        <Group gap={4}>
          <VerdictBadge
            verdict={summary.signal.status}
            size="xs"
            label={SIGNAL_LABELS[summary.signal.status]}
          />
          {extra}
        </Group>
      </Stack>
    </div>
  )
}

function ideaNode(idea: Idea, live: Live) {
  const summary = live.changeIdeas[idea.id] ?? EMPTY
  return (
    <Node
      level="idea"
      title={idea.title}
      summary={summary}
      to={summary.cycleCount > 0 ? `#ramp-${idea.id}` : null}
    />
  )
}

/**
 * The live driver diagram, drawn as a diagram: aim → primary drivers → secondary drivers → change ideas
 * with connecting lines. Every node shows how many cycles tested it, their latest decision and whether
 * the measures its cycles link show a signal; nodes with cycles link to them. On narrow screens it is
 * an indented tree.
 */
export function DriverDiagram({
  aim,
  diagram,
  progress,
}: {
  aim: string
  diagram: Diagram
  progress: Progress
}) {
  const live = progress.live
  const driverTo = (id: string) => {
    const latest = live.drivers[id]?.latestCycleId
    return latest ? `/cycles/${latest}` : null
  }
  return (
    <Stack gap="sm">
      <div className={classes.diagram}>
        <div className={classes.branch}>
          <Node
            level="aim"
            title={aim}
            summary={live.goal}
            to={null}
            extra={<VerdictBadge verdict={progress.gap.verdict} size="xs" />}
          />
          {diagram.primaries.length > 0 ? (
            <ul className={classes.children} aria-label="Primary drivers in the diagram">
              {diagram.primaries.map((p) => (
                <li key={p.id} className={classes.child}>
                  <div className={classes.branch}>
                    <Node
                      level="primary"
                      title={p.title}
                      summary={live.drivers[p.id] ?? EMPTY}
                      to={driverTo(p.id)}
                    />
                    {p.secondaries.length > 0 ? (
                      <ul className={classes.children} aria-label={`Secondary drivers of ${p.title}`}>
                        {p.secondaries.map((s) => (
                          <li key={s.id} className={classes.child}>
                            <div className={classes.branch}>
                              <Node
                                level="secondary"
                                title={s.title}
                                summary={live.drivers[s.id] ?? EMPTY}
                                to={driverTo(s.id)}
                              />
                              {s.changeIdeas.length > 0 ? (
                                <ul className={classes.children} aria-label={`Change ideas for ${s.title}`}>
                                  {s.changeIdeas.map((idea) => (
                                    <li key={idea.id} className={classes.child}>
                                      {ideaNode(idea, live)}
                                    </li>
                                  ))}
                                </ul>
                              ) : null}
                            </div>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {diagram.unlinkedChangeIdeas.length > 0 ? (
        <div>
          <Text size="sm" fw={600} mb={4}>
            Change ideas not linked to a driver
          </Text>
          <Group gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {diagram.unlinkedChangeIdeas.map((idea) => (
              <li key={idea.id}>{ideaNode(idea, live)}</li>
            ))}
          </Group>
        </div>
      ) : null}
    </Stack>
  )
}

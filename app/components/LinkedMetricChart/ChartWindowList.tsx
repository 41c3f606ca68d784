import { Box } from '@mantine/core'
import { formatIsoDate } from '@pdsa/domain'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { VerdictBadge } from '~/components/VerdictBadge'
import type { ChartWindowView } from './chart-data'
import { tagWidth, windowFill } from './WindowLabel'

function Tag({ n, window }: { n: number; window: ChartWindowView }) {
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-block',
        minWidth: tagWidth(n),
        padding: '0 3px',
        borderRadius: 3,
        background: windowFill(window.verdict),
        color: '#fff',
        fontSize: 11,
        fontWeight: 700,
        lineHeight: '15px',
        textAlign: 'center',
        flex: 'none',
      }}
    >
      {n}
    </Box>
  )
}

/**
 * What each numbered window on the chart is: the cycle, its dates and its verdict, grouped by whose
 * cycle it is (team and goal) when the chart shows several teams' or goals' cycles. Text wraps here,
 * so no title or verdict is ever cut to "Not enough da…".
 */
export function ChartWindowList({ windows, id }: { windows: readonly ChartWindowView[]; id?: string }) {
  if (windows.length === 0) return null
  const numbered = windows.map((w, i) => ({ w, n: i + 1 }))
  const groups = new Map<string, typeof numbered>()
  for (const item of numbered) {
    const key = item.w.group ?? ''
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return (
    <Stack gap={6} id={id} role="group" aria-label="Cycle windows on the chart">
      {[...groups].map(([group, items]) => (
        <div key={group || 'all'}>
          {group ? (
            <Text size="xs" fw={650} c="dark.6" mb={2}>
              {group}
            </Text>
          ) : null}
          <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map(({ w, n }) => (
              <Group
                key={w.id}
                component="li"
                gap={6}
                wrap="nowrap"
                align="flex-start"
                data-window={n}
                aria-label={`Window ${n}`}
              >
                <Tag n={n} window={w} />
                <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                  <Text size="xs" fw={w.isCurrent ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
                    {w.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatIsoDate(w.start, 'short')} – {formatIsoDate(w.end, 'short')}
                  </Text>
                  {w.verdict ? (
                    <VerdictBadge verdict={w.verdict} size="xs" />
                  ) : (
                    <Text size="xs" c="dimmed">
                      No verdict yet
                    </Text>
                  )}
                  {w.verdictNote ? (
                    <Text size="xs" c="dimmed">
                      {w.verdictNote}
                    </Text>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        </div>
      ))}
    </Stack>
  )
}

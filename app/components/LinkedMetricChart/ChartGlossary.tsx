import { Button, Popover, Title } from '@mantine/core'
import { IconHelpCircle } from '@tabler/icons-react'
import { useId } from 'react'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

const TERMS: { term: string; meaning: string }[] = [
  {
    term: 'Centre line',
    meaning:
      'The typical value before the cycle started: the median of the baseline values on a run chart, their average on a control chart. Values keep wobbling around it even when nothing changes.',
  },
  {
    term: 'Control limits',
    meaning:
      'The dashed lines above and below the centre line: how far a value can wander by chance alone. A value outside them is unusual enough to call a signal. With small groups of students the limits sit further apart.',
  },
  {
    term: 'Run',
    meaning:
      'Values in a row on the same side of the centre line. Chance rarely makes a long one, so an unusually long run means the level has probably moved.',
  },
  {
    term: 'Shift',
    meaning:
      'Six or more values in a row above the centre line, or six or more below it: a sign the level changed, not just wobbled.',
  },
  {
    term: 'Trend',
    meaning: 'Five or more values in a row that each go up, or each go down.',
  },
  {
    term: 'Signal',
    meaning:
      'A value (or run of values) that a cycle’s verdict found unlikely to be chance. A green diamond moved the better way for this measure, a red triangle the worse way. Without a signal the product never calls a change an improvement.',
  },
]

/** A plain-words glossary of the chart's terms, one click from every chart (a popover, keyboard reachable). */
export function ChartGlossary() {
  const headingId = useId()
  return (
    <Popover width={360} position="bottom-end" shadow="md" trapFocus returnFocus withArrow>
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconHelpCircle size={16} aria-hidden />}
          className="no-print"
        >
          What do the lines mean?
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId} role="dialog">
        {/* Scrolls on small screens: focusable so the keyboard can scroll it (axe scrollable-region-focusable). */}
        <Stack gap={6} mah="60vh" style={{ overflowY: 'auto' }} tabIndex={0}>
          <Title order={3} size="h6" id={headingId}>
            Reading this chart
          </Title>
          <Stack component="dl" gap={6} m={0}>
            {TERMS.map((t) => (
              <div key={t.term}>
                <Text component="dt" size="sm" fw={650}>
                  {t.term}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {t.meaning}
                </Text>
              </div>
            ))}
          </Stack>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}

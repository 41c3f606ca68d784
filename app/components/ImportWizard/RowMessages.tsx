import { Table, Title } from '@mantine/core'
import type { ImportRowError } from '@pdsa/domain'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

const fmt = (n: number) => n.toLocaleString('en-US')

/** Row-level messages of a preview (problems or warnings) as a scrolling table, with how many there are. */
export function RowMessages({
  title,
  explanation,
  column,
  messages,
  total,
}: {
  title: string
  explanation: string
  /** The message column's heading: "Problem", "Warning". */
  column: string
  messages: readonly ImportRowError[]
  total: number
}) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title} ({fmt(total)})
      </Title>
      <Text size="sm" c="dimmed">
        {explanation}
      </Text>
      <Table.ScrollContainer minWidth={480} mah={320}>
        <Table striped withTableBorder aria-label={`${title} by row`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th>{column}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several messages
              <Table.Tr key={`${e.row}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > messages.length ? (
        <Text size="sm" c="dimmed">
          Showing the first {fmt(messages.length)} of {fmt(total)}.
        </Text>
      ) : null}
    </Stack>
  )
}

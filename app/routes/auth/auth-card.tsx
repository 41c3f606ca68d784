import { Box, Center, Paper, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { Stack } from '~/components/Layout'
import { Text } from '~/components/Text'

/** The frame of the signed-out pages (sign in, forgot password, set a password). */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Stack gap={4} mb="lg" ta="center">
          <Title order={1}>PDSA Tracker</Title>
          <Text c="dimmed">Improvement cycles for equity goals</Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl">
          {children}
        </Paper>
      </Box>
    </Center>
  )
}

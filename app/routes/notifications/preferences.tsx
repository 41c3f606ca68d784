import { Paper, Select, Table } from '@mantine/core'
import { NOTIFICATION_DELIVERY_LABELS, type NotificationDelivery } from '@pdsa/domain'
import { HydrationBoundary, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary'
import { Stack } from '~/components/Layout'
import { PageHeader } from '~/components/PageHeader'
import { Text } from '~/components/Text'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import { prefetch, serverTrpc } from '~/lib/trpc.server'
import type { Route } from './+types/preferences'

export async function loader({ context, request }: Route.LoaderArgs) {
  const { trpc, queryClient } = serverTrpc(context)
  return {
    dehydratedState: await prefetch(request, queryClient, [trpc.notification.preferences.queryOptions()]),
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Notification settings · PDSA Tracker' }]

function PreferencesPage() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data } = useSuspenseQuery(trpc.notification.preferences.queryOptions())
  const feedback = mutationFeedback({ success: 'Saved.' })
  const update = useMutation(
    trpc.notification.updatePreference.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.notification.preferences.pathKey() })
      },
    }),
  )
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Everything appears under the bell. Choose, for each kind, whether it is also emailed right away or gathered in a digest: the daily one at 7:00 a.m., the weekly one on Mondays at 7:00 a.m., in your district’s time zone."
      />
      <Paper withBorder p="md">
        <Table verticalSpacing="sm" captionSide="top">
          <Table.Caption>
            <Text size="sm" c="gray.8" ta="left">
              Feedback that requires a response is always emailed at least daily.
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Notifications about</Table.Th>
              <Table.Th scope="col">Delivery</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((p) => (
              <Table.Tr key={p.category}>
                <Table.Th scope="row" fw={400}>
                  <Stack gap={0}>
                    <Text size="sm" fw={600} id={`pref-${p.category}`}>
                      {p.label}
                    </Text>
                    <Text size="xs" c="gray.8" id={`pref-${p.category}-desc`}>
                      {p.description}
                    </Text>
                  </Stack>
                </Table.Th>
                <Table.Td w={240}>
                  <Select
                    aria-labelledby={`pref-${p.category}`}
                    aria-describedby={`pref-${p.category}-desc`}
                    value={p.delivery}
                    allowDeselect={false}
                    data={p.allowed.map((d) => ({ value: d, label: NOTIFICATION_DELIVERY_LABELS[d] }))}
                    onChange={(value) => {
                      if (value && value !== p.delivery) {
                        update.mutate({ category: p.category, delivery: value as NotificationDelivery })
                      }
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  )
}

export default function PreferencesRoute({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <PreferencesPage />
    </HydrationBoundary>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

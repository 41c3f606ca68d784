import { Badge, Button, Table, Title } from '@mantine/core'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

/** Invitations not yet accepted: resend a fresh link, or revoke. Nothing shown when there are none. */
export function PendingInvitations() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: invitations } = useSuspenseQuery(trpc.invitation.list.queryOptions())
  const { day } = useDistrictTime()
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.users.pathKey() }),
    ])
  const resendFeedback = mutationFeedback({
    success: 'A new link is on its way; the old one no longer works.',
  })
  const resend = useMutation(
    trpc.invitation.resend.mutationOptions({
      onError: resendFeedback.onError,
      onSuccess: async () => {
        resendFeedback.onSuccess()
        await refresh()
      },
    }),
  )
  const revokeFeedback = mutationFeedback({ success: 'Invitation revoked; the account is deactivated.' })
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onError: revokeFeedback.onError,
      onSuccess: async () => {
        revokeFeedback.onSuccess()
        await refresh()
      },
    }),
  )
  if (invitations.length === 0) return null
  return (
    <section aria-labelledby="pending-invitations">
      <Title order={2} size="h4" id="pending-invitations" mb="xs">
        Pending invitations
      </Title>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col">Sent</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {i.name}
                </Text>
                <Text size="xs" c="gray.8">
                  {i.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {day(i.sentAt)}
                  {i.invitedBy ? ` by ${i.invitedBy}` : ''}{' '}
                  {i.isExpired ? (
                    <Badge color="orange.9" variant="outline">
                      Expired
                    </Badge>
                  ) : null}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => resend.mutate({ invitationId: i.id })}
                    aria-label={`Resend the invitation to ${i.name}`}
                  >
                    Resend
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    c="red.9"
                    onClick={() => revoke.mutate({ invitationId: i.id })}
                    aria-label={`Revoke the invitation to ${i.name}`}
                  >
                    Revoke
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  )
}

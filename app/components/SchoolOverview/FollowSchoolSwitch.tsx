import { Switch } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

/** District leaders follow a school: its new alignment findings and improved/worsened verdicts notify them. */
export function FollowSchoolSwitch({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { data: followed } = useQuery(trpc.notification.followedSchools.queryOptions())
  const following = followed?.includes(schoolId) ?? false
  const feedback = mutationFeedback({
    success: following ? `You no longer follow ${schoolName}.` : `You follow ${schoolName}.`,
  })
  const follow = useMutation(
    trpc.notification.followSchool.mutationOptions({
      onError: feedback.onError,
      onSuccess: async () => {
        feedback.onSuccess()
        await queryClient.invalidateQueries({ queryKey: trpc.notification.followedSchools.pathKey() })
      },
    }),
  )
  return (
    <Switch
      size="sm"
      label="Follow"
      aria-label={`Follow ${schoolName}: notify me of new findings and verdicts`}
      checked={following}
      disabled={!followed || follow.isPending}
      onChange={(event) => follow.mutate({ schoolId, follow: event.currentTarget.checked })}
    />
  )
}

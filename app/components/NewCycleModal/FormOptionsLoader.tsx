import { Alert, Center, Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { parseClientError, useTRPC } from '~/lib/trpc'
import type { CycleFormOptions } from './cycle-form-values'

/** Loads the team's cycle form options, then renders the form with them. */
export function FormOptionsLoader({
  teamId,
  enabled,
  children,
}: {
  teamId: string
  enabled: boolean
  children: (options: CycleFormOptions) => React.ReactNode
}) {
  const trpc = useTRPC()
  const options = useQuery({ ...trpc.cycle.formOptions.queryOptions({ teamId }), enabled })
  if (options.data) return children(options.data)
  if (options.error) {
    return (
      <Alert color="red" title="Could not load the form">
        {parseClientError(options.error).message}
      </Alert>
    )
  }
  return (
    <Center py="xl">
      <Loader role="status" aria-label="Loading the form" />
    </Center>
  )
}

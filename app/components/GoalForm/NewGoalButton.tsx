import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { GoalFormModal } from './GoalFormModal'

/** "New goal": opens the goal form for a team (or, with teamId null, a school-level goal). */
export function NewGoalButton({
  schoolId,
  teamId,
  label = 'New goal',
  size,
  variant,
}: {
  schoolId: string
  teamId: string | null
  label?: string
  size?: 'xs' | 'sm'
  variant?: 'filled' | 'light' | 'default'
}) {
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} size={size} variant={variant}>
        {label}
      </Button>
      <GoalFormModal opened={opened} onClose={close} schoolId={schoolId} teamId={teamId} />
    </>
  )
}

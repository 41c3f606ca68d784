import { Button, type ButtonProps } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import type { CycleView } from './cycle-form-values'
import { NewCycleModal } from './NewCycleModal'

/** "New cycle" (or, with `previous`, "Plan the next cycle"): opens the new-cycle form. */
export function NewCycleButton({
  teamId,
  previous,
  label,
  ...buttonProps
}: { teamId: string; previous?: CycleView; label?: string } & ButtonProps) {
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} {...buttonProps}>
        {label ?? 'New cycle'}
      </Button>
      <NewCycleModal opened={opened} onClose={close} teamId={teamId} previous={previous} />
    </>
  )
}

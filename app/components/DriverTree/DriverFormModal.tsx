import { Button, Modal, Select, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'
import type { DriverRef } from './types'

export type DriverEditor = { mode: 'create'; parentId: string | null } | { mode: 'edit'; driver: DriverRef }

const HINTS = {
  primary: 'A big lever that must change for the aim to be met (e.g. “Family partnership”).',
  secondary:
    'A specific practice, process or norm that moves the primary driver (e.g. “Positive outreach after the 2nd absence”).',
}

/** Add or edit a driver; a secondary driver can be moved under another primary driver. */
export function DriverFormModal({
  goalId,
  editor,
  primaries,
  onClose,
  onSaved,
}: {
  goalId: string
  editor: DriverEditor
  primaries: { id: string; title: string }[]
  onClose: () => void
  onSaved: () => Promise<unknown>
}) {
  const trpc = useTRPC()
  const current = editor.mode === 'edit' ? editor.driver : null
  const parentId = editor.mode === 'edit' ? editor.driver.parentId : editor.parentId
  const kind = parentId ? 'secondary' : 'primary'
  const form = useForm({
    initialValues: { title: current?.title ?? '', description: current?.description ?? '', parentId },
    validate: { title: (v) => (v.trim() ? null : 'Name the driver.') },
  })
  const feedback = mutationFeedback({
    success: current ? 'Driver saved.' : 'Driver added.',
    onFieldErrors: (errors) => form.setErrors(errors),
  })
  const options = {
    onError: feedback.onError,
    onSuccess: async () => {
      feedback.onSuccess()
      await onSaved()
      onClose()
    },
  }
  const create = useMutation(trpc.driver.create.mutationOptions(options))
  const update = useMutation(trpc.driver.update.mutationOptions(options))
  const submit = form.onSubmit((v) => {
    if (current) {
      update.mutate({
        id: current.id,
        title: v.title,
        description: v.description,
        ...(kind === 'secondary' && v.parentId && v.parentId !== current.parentId
          ? { parentId: v.parentId }
          : {}),
      })
    } else {
      create.mutate({ goalId, kind, parentId: v.parentId, title: v.title, description: v.description })
    }
  })
  const noun = kind === 'primary' ? 'primary driver' : 'secondary driver'
  return (
    <Modal opened onClose={onClose} title={current ? `Edit ${noun}` : `Add a ${noun}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Driver"
            description={HINTS[kind]}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Description (optional)"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          {kind === 'secondary' ? (
            <Select
              label="Primary driver"
              description="The primary driver this one moves."
              data={primaries.map((p) => ({ value: p.id, label: p.title }))}
              allowDeselect={false}
              {...form.getInputProps('parentId')}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {current ? 'Save driver' : 'Add driver'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

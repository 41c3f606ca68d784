import {
  Button,
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { CHANGE_IDEA_STATUSES, type ChangeIdeaStatus } from '@pdsa/domain'
import { useMutation } from '@tanstack/react-query'
import { Group, Stack } from '~/components/Layout'
import { mutationFeedback } from '~/hooks/use-mutation-feedback'
import { useTRPC } from '~/lib/trpc'

const STATUS_LABELS: Record<ChangeIdeaStatus, string> = {
  idea: 'Idea (not tested yet)',
  testing: 'Testing',
  adopted: 'Adopted',
  adapted: 'Adapted',
  abandoned: 'Abandoned',
}

export interface ChangeIdeaValues {
  id: string
  title: string
  description: string
  status: ChangeIdeaStatus
  mtssTier: number | null
  evidenceLinks: string[]
  driverIds: string[]
}

/** Secondary drivers grouped under their primary driver, for the "linked drivers" select. */
export type DriverGroups = { group: string; items: { value: string; label: string }[] }[]

/** Add or edit a change idea: what the team will try, its status, MTSS tier, evidence and linked drivers. */
export function ChangeIdeaFormModal({
  goalId,
  idea,
  defaultDriverIds,
  driverGroups,
  onClose,
  onSaved,
}: {
  goalId: string
  idea: ChangeIdeaValues | null
  defaultDriverIds: string[]
  driverGroups: DriverGroups
  onClose: () => void
  onSaved: () => Promise<unknown>
}) {
  const trpc = useTRPC()
  const form = useForm({
    initialValues: {
      title: idea?.title ?? '',
      description: idea?.description ?? '',
      status: idea?.status ?? ('idea' as ChangeIdeaStatus),
      tier: idea?.mtssTier ? String(idea.mtssTier) : 'none',
      evidenceLinks: idea?.evidenceLinks ?? [],
      driverIds: idea?.driverIds ?? defaultDriverIds,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Name the change idea.'),
      evidenceLinks: (links) =>
        links.every((l) => /^https?:\/\/\S+$/i.test(l))
          ? null
          : 'Each link must start with http:// or https://.',
    },
  })
  const feedback = mutationFeedback({
    success: idea ? 'Change idea saved.' : 'Change idea added.',
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
  const create = useMutation(trpc.changeIdea.create.mutationOptions(options))
  const update = useMutation(trpc.changeIdea.update.mutationOptions(options))
  const submit = form.onSubmit((v) => {
    const input = {
      title: v.title,
      description: v.description,
      status: v.status,
      mtssTier: v.tier === 'none' ? null : Number(v.tier),
      evidenceLinks: v.evidenceLinks,
      driverIds: v.driverIds,
    }
    if (idea) update.mutate({ id: idea.id, ...input })
    else create.mutate({ goalId, ...input })
  })
  return (
    <Modal opened onClose={onClose} title={idea ? 'Edit change idea' : 'Add a change idea'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Change idea"
            description="The change you will test, e.g. “Personal text to families after the 2nd absence”."
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Description (optional)"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <Select
            label="Status"
            data={CHANGE_IDEA_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Input.Wrapper
            label="MTSS tier"
            labelElement="div"
            description="For student interventions: tier 1 (all students), 2 (targeted groups) or 3 (intensive, individual)."
            error={form.errors.mtssTier}
          >
            <SegmentedControl
              mt={4}
              fullWidth
              aria-label="MTSS tier"
              data={[
                { value: 'none', label: 'Not an intervention' },
                { value: '1', label: 'Tier 1' },
                { value: '2', label: 'Tier 2' },
                { value: '3', label: 'Tier 3' },
              ]}
              {...form.getInputProps('tier')}
            />
          </Input.Wrapper>
          <TagsInput
            label="Evidence links"
            description="Research or examples behind this idea. Paste a link and press Enter."
            placeholder="https://…"
            maxTags={20}
            {...form.getInputProps('evidenceLinks')}
          />
          <MultiSelect
            label="Secondary drivers it acts on"
            description="Link the idea to the secondary drivers it should move. Ideas linked to none are listed apart."
            placeholder={driverGroups.length ? 'Choose secondary drivers' : 'Add secondary drivers first'}
            data={driverGroups}
            searchable
            {...form.getInputProps('driverIds')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {idea ? 'Save change idea' : 'Add change idea'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

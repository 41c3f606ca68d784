import { Button, Paper, Title } from '@mantine/core'
import { IconHierarchy2, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { ChangeIdeaFormModal } from '~/components/ChangeIdeaForm'
import { EmptyState } from '~/components/EmptyState'
import { Group, Stack } from '~/components/Layout'
import { NewCycleModal } from '~/components/NewCycleModal/NewCycleModal'
import { Text } from '~/components/Text'
import { ChangeIdeaItem } from './ChangeIdeaItem'
import { ConfirmDeleteModal } from './ConfirmDeleteModal'
import { DriverFormModal } from './DriverFormModal'
import { PrimaryDriverCard } from './PrimaryDriverCard'
import type { ChangeIdea, Diagram } from './types'
import { useTreeEditor } from './use-tree-editor'

/**
 * The goal's driver diagram: primary drivers → secondary drivers → change ideas, each showing how many
 * cycles tested it and what they decided. Editors add, edit, reorder and delete from the nodes' menus.
 */
export function DriverTree({ diagram }: { diagram: Diagram }) {
  const editor = useTreeEditor(diagram.canEdit)
  const [startFrom, setStartFrom] = useState<ChangeIdea | null>(null)
  const { pending, close } = editor
  const cycleTeamId = diagram.cycleTeamId
  const actions = cycleTeamId ? { ...editor.actions, startCycle: setStartFrom } : editor.actions
  const primaries = diagram.primaries.map((p) => ({ id: p.id, title: p.title }))
  // Numbered like the cards, which also keeps group labels unique (Mantine keys groups by label).
  const driverGroups = diagram.primaries
    .map((p, i) => ({
      group: `${i + 1}. ${p.title}`,
      items: p.secondaries.map((s) => ({ value: s.id, label: s.title })),
    }))
    .filter((g) => g.items.length > 0)

  return (
    <section aria-labelledby="drivers-heading">
      <Group justify="space-between" mb="xs" align="flex-end">
        <div>
          <Title order={2} size="h3" id="drivers-heading">
            Driver diagram
          </Title>
          <Text size="sm" c="dimmed">
            The theory of improvement: primary drivers → secondary drivers → change ideas to test.
          </Text>
        </div>
        {diagram.canEdit && diagram.primaries.length > 0 ? (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => actions.addChangeIdea(null)}
            >
              Add change idea
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.addPrimary}>
              Add primary driver
            </Button>
          </Group>
        ) : null}
      </Group>
      {diagram.primaries.length === 0 ? (
        <EmptyState
          icon={<IconHierarchy2 size={22} />}
          title="No drivers yet"
          action={
            diagram.canEdit ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={editor.addPrimary}>
                Add a primary driver
              </Button>
            ) : null
          }
        >
          Add the primary drivers: the few big levers that must change for the aim to be met. Then break each
          into secondary drivers and the change ideas you will test.
        </EmptyState>
      ) : (
        <Stack gap="md" component="ol" p={0} m={0} aria-label="Primary drivers">
          {diagram.primaries.map((p, i) => (
            <PrimaryDriverCard
              key={p.id}
              driver={p}
              index={i}
              count={diagram.primaries.length}
              actions={actions}
            />
          ))}
        </Stack>
      )}
      {diagram.unlinkedChangeIdeas.length > 0 ? (
        <Paper withBorder p="lg" mt="md">
          <Title order={3} size="h5" mb={4}>
            Change ideas not linked to a driver
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {diagram.canEdit
              ? 'Link each idea to the secondary drivers it should move, so its cycles count as evidence for them.'
              : 'These ideas are not linked to a secondary driver yet.'}
          </Text>
          <Stack gap="xs" component="ul" p={0} m={0}>
            {diagram.unlinkedChangeIdeas.map((idea) => (
              <ChangeIdeaItem key={idea.id} idea={idea} actions={actions} />
            ))}
          </Stack>
        </Paper>
      ) : null}

      {cycleTeamId && startFrom ? (
        <NewCycleModal
          opened
          onClose={() => setStartFrom(null)}
          teamId={cycleTeamId}
          preset={{ goalId: diagram.goalId, changeIdeaId: startFrom.id, title: startFrom.title }}
        />
      ) : null}
      {pending?.kind === 'driver' ? (
        <DriverFormModal
          goalId={diagram.goalId}
          editor={pending.editor}
          primaries={primaries}
          onClose={close}
          onSaved={editor.refresh}
        />
      ) : null}
      {pending?.kind === 'idea' ? (
        <ChangeIdeaFormModal
          goalId={diagram.goalId}
          idea={pending.idea}
          defaultDriverIds={pending.driverIds}
          driverGroups={driverGroups}
          onClose={close}
          onSaved={editor.refresh}
        />
      ) : null}
      <ConfirmDeleteModal
        opened={pending?.kind === 'delete-driver'}
        title="Delete this driver?"
        confirmLabel="Delete driver"
        loading={editor.deleteDriver.isPending}
        onClose={close}
        onConfirm={() =>
          pending?.kind === 'delete-driver' && editor.deleteDriver.mutate({ id: pending.driver.id })
        }
      >
        {pending?.kind === 'delete-driver' ? (
          <>
            “{pending.driver.title}”
            {pending.secondaryCount > 0 ? ` and its ${pending.secondaryCount} secondary driver(s)` : ''} will
            be deleted. Change ideas stay, but lose their links to{' '}
            {pending.secondaryCount > 0 ? 'these drivers' : 'this driver'}.
          </>
        ) : null}
      </ConfirmDeleteModal>
      <ConfirmDeleteModal
        opened={pending?.kind === 'delete-idea'}
        title="Delete this change idea?"
        confirmLabel="Delete change idea"
        loading={editor.deleteIdea.isPending}
        onClose={close}
        onConfirm={() => pending?.kind === 'delete-idea' && editor.deleteIdea.mutate({ id: pending.idea.id })}
      >
        {pending?.kind === 'delete-idea'
          ? `“${pending.idea.title}” will be deleted. No cycle tests it yet.`
          : null}
      </ConfirmDeleteModal>
    </section>
  )
}

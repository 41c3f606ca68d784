import { Badge, Kbd, Loader, Modal, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { rankFuzzy } from '@pdsa/domain'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useTRPC } from '~/lib/trpc'

export interface PalettePage {
  label: string
  path: string
}

interface Entry {
  key: string
  kind: 'page' | 'goal' | 'cycle' | 'measure' | 'team'
  title: string
  context: string
  path: string
}

const KIND_LABELS: Record<Entry['kind'], string> = {
  page: 'Page',
  goal: 'Goal',
  cycle: 'Cycle',
  measure: 'Measure',
  team: 'Team',
}

const MIN_QUERY = 2

/**
 * Ctrl/⌘-K (or the header's search button): jump to any page, goal, cycle, measure or team. Pages are
 * matched in the browser, records by the server (typo-tolerant, only what the user may open). Arrow keys
 * move through the results, Enter opens, Escape closes. A combobox with a listbox (WAI-ARIA pattern).
 */
export function CommandPalette({ pages }: { pages: readonly PalettePage[] }) {
  const [opened, setOpened] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [debounced] = useDebouncedValue(query.trim(), 200)
  const navigate = useNavigate()
  const trpc = useTRPC()
  const listId = useId()
  useHotkeys([['mod+K', () => setOpened(true)]], [])
  const enabled = opened && debounced.length >= MIN_QUERY
  const { data, isFetching } = useQuery({
    ...trpc.search.quick.queryOptions({ q: debounced }),
    enabled,
    placeholderData: keepPreviousData,
  })
  const entries = useMemo<Entry[]>(() => {
    const q = query.trim()
    const pageEntries = (
      q ? rankFuzzy(q, pages, (p) => p.label, 5).map((r) => r.item) : pages.slice(0, 8)
    ).map((p) => ({
      key: `page:${p.path}`,
      kind: 'page' as const,
      title: p.label,
      context: '',
      path: p.path,
    }))
    const records =
      enabled && data
        ? data.map((h) => ({
            key: `${h.kind}:${h.id}`,
            kind: h.kind,
            title: h.title,
            context: h.context,
            path: h.path,
          }))
        : []
    return [...pageEntries, ...records]
  }, [query, pages, enabled, data])
  const close = () => {
    setOpened(false)
    setQuery('')
    setActive(0)
  }
  const open = (entry: Entry | undefined) => {
    if (!entry) return
    close()
    navigate(entry.path)
  }
  const current = Math.min(active, Math.max(entries.length - 1, 0))
  const optionId = (i: number) => `${listId}-option-${i}`
  return (
    <>
      <UnstyledButton
        onClick={() => setOpened(true)}
        aria-keyshortcuts="Control+K Meta+K"
        px="sm"
        py={6}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} aria-hidden />
          <Text size="sm" c="dimmed" visibleFrom="md">
            Jump to…
          </Text>
          {/* Its name is its visible text (WCAG 2.5.3); on phones only these hidden words name it. */}
          <VisuallyHidden hiddenFrom="md">Jump to…</VisuallyHidden>
          <Kbd size="xs" visibleFrom="md">
            Ctrl K
          </Kbd>
        </Group>
      </UnstyledButton>
      <Modal opened={opened} onClose={close} title="Jump to" size="lg" yOffset="10vh">
        <Stack gap="xs">
          <TextInput
            data-autofocus
            label="Search goals, cycles, measures, teams and pages"
            placeholder="e.g. chronic absence"
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value)
              setActive(0)
            }}
            rightSection={isFetching ? <Loader size="xs" role="status" aria-label="Searching" /> : null}
            role="combobox"
            aria-expanded={entries.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={entries.length > 0 ? optionId(current) : undefined}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault()
                setActive((current + 1) % Math.max(entries.length, 1))
              } else if (e.key === 'ArrowUp') {
                e.preventDefault()
                setActive((current - 1 + entries.length) % Math.max(entries.length, 1))
              } else if (e.key === 'Enter') {
                e.preventDefault()
                open(entries[current])
              }
            }}
          />
          <Stack
            gap={2}
            id={listId}
            role="listbox"
            aria-label="Results"
            mah="55vh"
            style={{ overflowY: 'auto' }}
          >
            {entries.map((entry, i) => (
              <UnstyledButton
                key={entry.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                tabIndex={-1}
                onMouseEnter={() => setActive(i)}
                onClick={() => open(entry)}
                px="sm"
                py={6}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: i === current ? 'var(--mantine-color-brand-0)' : undefined,
                }}
              >
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate="end">
                      {entry.title}
                    </Text>
                    {entry.context ? (
                      <Text size="xs" c="dimmed" truncate="end">
                        {entry.context}
                      </Text>
                    ) : null}
                  </Stack>
                  <Badge
                    variant="light"
                    color="gray"
                    c="gray.9"
                    size="sm"
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {KIND_LABELS[entry.kind]}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" role="status">
            {query.trim().length > 0 && query.trim().length < MIN_QUERY
              ? 'Type one more letter to search goals, cycles, measures and teams.'
              : enabled && data && entries.length === 0
                ? 'Nothing matches. Check the spelling, or try fewer words.'
                : '↑ ↓ to move · Enter to open · Esc to close'}
          </Text>
        </Stack>
      </Modal>
    </>
  )
}

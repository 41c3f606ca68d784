import { Button, Select } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { auditActionLabel, auditEntityLabel } from '@pdsa/domain'
import { useState } from 'react'
import { Group } from '~/components/Layout'

export interface AuditFilterValues {
  actorId?: string
  entityType?: string
  action?: string
  from?: string
  to?: string
}

/** Who, which kind of record, which action, and a date range. */
export function AuditLogFilters({
  value,
  facets,
  onChange,
}: {
  value: AuditFilterValues
  facets: { actors: { id: string; name: string }[]; entityTypes: string[]; actions: string[] }
  onChange: (next: AuditFilterValues) => void
}) {
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch })
  const active = Object.values(value).some(Boolean)
  // The range being picked: committed once both ends are chosen (or both cleared).
  const [range, setRange] = useState<[string | null, string | null]>([value.from ?? null, value.to ?? null])
  return (
    <Group align="flex-end" gap="sm" mb="md">
      <Select
        label="Who"
        placeholder="Anyone"
        clearable
        searchable
        data={facets.actors.map((a) => ({ value: a.id, label: a.name }))}
        value={value.actorId ?? null}
        onChange={(v) => set({ actorId: v ?? undefined })}
        w={200}
      />
      <Select
        label="Record type"
        placeholder="Any"
        clearable
        data={facets.entityTypes.map((t) => ({ value: t, label: auditEntityLabel(t) }))}
        value={value.entityType ?? null}
        onChange={(v) => set({ entityType: v ?? undefined })}
        w={180}
      />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        searchable
        data={facets.actions.map((a) => ({ value: a, label: auditActionLabel(a) }))}
        value={value.action ?? null}
        onChange={(v) => set({ action: v ?? undefined })}
        w={200}
      />
      <DatePickerInput
        type="range"
        label="Dates"
        placeholder="Any time"
        // Mantine's placeholder grey is 3.3:1 on white; gray.7 passes WCAG AA.
        styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
        clearable
        allowSingleDateInRange
        valueFormat="MMM D, YYYY"
        value={range}
        onChange={([from, to]) => {
          setRange([from, to])
          if ((from && to) || (!from && !to)) set({ from: from ?? undefined, to: to ?? undefined })
        }}
        w={260}
      />
      {active ? (
        <Button
          variant="subtle"
          onClick={() => {
            setRange([null, null])
            onChange({})
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  )
}

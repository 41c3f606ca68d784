import { Select, Switch, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import {
  CADENCE_LABELS,
  CADENCES,
  FAMILY_LABELS,
  MEASURE_FAMILIES,
  MEASURE_UNITS,
  UNIT_LABELS,
} from '@pdsa/domain'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { Group } from '~/components/Layout'

export interface MeasureFilterValues {
  search?: string
  family?: string
  unit?: string
  cadence?: string
  accumulation?: string
  scope?: string
  archived?: string
}

/** Search and filters of the measures library (kept in the URL by the page). */
export function MeasureFilters({
  value,
  onChange,
}: {
  value: MeasureFilterValues
  onChange: (next: MeasureFilterValues) => void
}) {
  const [search, setSearch] = useState(value.search ?? '')
  const commitSearch = useDebouncedCallback(
    (text: string) => onChange({ ...value, search: text || undefined }),
    300,
  )
  const select = (key: keyof MeasureFilterValues) => ({
    value: value[key] ?? null,
    onChange: (v: string | null) => onChange({ ...value, [key]: v ?? undefined }),
    clearable: true,
    w: { base: 'calc(50% - 6px)', sm: 150 },
  })
  return (
    <Group align="flex-end" gap="sm" mb="md">
      <TextInput
        label="Search"
        placeholder="Name or code"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value)
          commitSearch(e.currentTarget.value)
        }}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Family"
        placeholder="Any"
        data={MEASURE_FAMILIES.map((f) => ({ value: f, label: FAMILY_LABELS[f] }))}
        {...select('family')}
      />
      <Select
        label="Unit"
        placeholder="Any"
        data={MEASURE_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
        {...select('unit')}
      />
      <Select
        label="Cadence"
        placeholder="Any"
        data={CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }))}
        {...select('cadence')}
      />
      <Select
        label="Accumulates"
        placeholder="Any"
        data={[
          { value: 'period', label: 'Per period' },
          { value: 'to_date', label: 'Year to date' },
        ]}
        {...select('accumulation')}
      />
      <Select
        label="Scope"
        placeholder="Any"
        data={[
          { value: 'district', label: 'District library' },
          { value: 'school', label: 'Schools’ own' },
        ]}
        {...select('scope')}
      />
      <Switch
        label="Show archived"
        checked={value.archived === '1'}
        onChange={(e) => onChange({ ...value, archived: e.currentTarget.checked ? '1' : undefined })}
        mb={8}
      />
    </Group>
  )
}

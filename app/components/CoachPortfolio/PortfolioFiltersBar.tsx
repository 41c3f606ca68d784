import { Button, Select, Switch } from '@mantine/core'
import { CYCLE_STAGES, CYCLE_VERDICT_LABELS, type CycleStage, STAGE_LABELS } from '@pdsa/domain'
import { Group } from '~/components/Layout'
import {
  DEFAULT_SORT,
  type PortfolioFilters,
  type PortfolioSort,
  SORT_LABELS,
  SORTS,
  VERDICT_FILTERS,
  type VerdictFilter,
} from './portfolio-filters'

const verdictLabel = (v: VerdictFilter) => (v === 'none' ? 'No verdict yet' : CYCLE_VERDICT_LABELS[v])

/** Team, school, stage, verdict, "needs attention", and the sort order of the portfolio's cycles. */
export function PortfolioFiltersBar({
  value,
  teams,
  schools,
  onChange,
}: {
  value: PortfolioFilters
  teams: { id: string; name: string }[]
  schools: { id: string; name: string }[]
  onChange: (next: PortfolioFilters) => void
}) {
  const set = (patch: Partial<PortfolioFilters>) => {
    const next = { ...value, ...patch }
    for (const k of Object.keys(patch) as (keyof PortfolioFilters)[]) {
      if (patch[k] === undefined || patch[k] === null) delete next[k]
    }
    onChange(next)
  }
  const active = Boolean(value.team || value.school || value.stage || value.verdict || value.attention)
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Select
        label="Team"
        placeholder="All teams"
        clearable
        searchable
        data={teams.map((t) => ({ value: t.id, label: t.name }))}
        value={value.team ?? null}
        onChange={(v) => set({ team: v ?? undefined })}
        w={240}
      />
      {schools.length > 1 ? (
        <Select
          label="School"
          placeholder="All schools"
          clearable
          data={schools.map((s) => ({ value: s.id, label: s.name }))}
          value={value.school ?? null}
          onChange={(v) => set({ school: v ?? undefined })}
          w={200}
        />
      ) : null}
      <Select
        label="Stage"
        placeholder="Any stage"
        clearable
        data={CYCLE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        value={value.stage ?? null}
        onChange={(v) => set({ stage: (v as CycleStage | null) ?? undefined })}
        w={140}
      />
      <Select
        label="Verdict"
        placeholder="Any verdict"
        clearable
        data={VERDICT_FILTERS.map((v) => ({ value: v, label: verdictLabel(v) }))}
        value={value.verdict ?? null}
        onChange={(v) => set({ verdict: (v as VerdictFilter | null) ?? undefined })}
        w={170}
      />
      <Select
        label="Sort by"
        data={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        value={value.sort}
        allowDeselect={false}
        onChange={(v) => set({ sort: (v as PortfolioSort | null) ?? DEFAULT_SORT })}
        w={210}
      />
      <Switch
        label="Needs attention only"
        checked={value.attention ?? false}
        onChange={(e) => set({ attention: e.currentTarget.checked || undefined })}
        mb={8}
      />
      {active ? (
        <Button variant="subtle" onClick={() => onChange({ sort: value.sort })}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  )
}

import { Badge } from '@mantine/core'
import type { ChangeIdeaStatus } from '@pdsa/domain'

// Filled badges in shades 8–9 keep white text above 4.5:1.
const STATUS: Record<ChangeIdeaStatus, { label: string; color: string }> = {
  idea: { label: 'Idea', color: 'gray.7' },
  testing: { label: 'Testing', color: 'blue.8' },
  adopted: { label: 'Adopted', color: 'green.9' },
  adapted: { label: 'Adapted', color: 'grape.8' },
  abandoned: { label: 'Abandoned', color: 'red.9' },
}

export const CHANGE_IDEA_STATUS_LABELS = Object.fromEntries(
  Object.entries(STATUS).map(([k, v]) => [k, v.label]),
) as Record<ChangeIdeaStatus, string>

export function ChangeIdeaStatusBadge({ status }: { status: ChangeIdeaStatus }) {
  const s = STATUS[status]
  return (
    <Badge color={s.color} variant="filled" size="sm">
      {s.label}
    </Badge>
  )
}

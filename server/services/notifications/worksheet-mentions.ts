// @mentions in the worksheet's narrative (the Yjs notes): the text mirror hands over each section's text
// before and after a write; only mentions the new text adds notify. Two instances mirroring the same edit
// produce the same dedupe key (section, person, how many mentions of them the text now holds).
import {
  canReadTeam,
  findMentions,
  NARRATIVE_SECTIONS,
  type NarrativeSectionKey,
  newMentions,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { excerpt, notify } from './notify.ts'
import { mentionablePeople } from './recipients.ts'

export async function notifyWorksheetMentions(
  db: DbTx,
  args: {
    cycleId: string
    before: Partial<Record<NarrativeSectionKey, string>>
    after: Partial<Record<NarrativeSectionKey, string>>
    /** Who made the edit (never notified); null when unknown. */
    editorId: string | null
    now: Date
  },
): Promise<string[]> {
  const changed = (Object.keys(args.after) as NarrativeSectionKey[]).filter((k) =>
    args.after[k]?.includes('@'),
  )
  if (changed.length === 0) return []
  const cycle = await db.pdsaCycle.findUnique({
    where: { id: args.cycleId },
    select: { districtId: true, schoolId: true, teamId: true, title: true },
  })
  if (!cycle) return []
  const people = await mentionablePeople(db, cycle.districtId)
  const editor = args.editorId ? people.find((p) => p.id === args.editorId) : undefined
  const notified: string[] = []
  for (const key of changed) {
    const after = args.after[key] ?? ''
    const added = newMentions(args.before[key] ?? '', after, people)
    const counts = findMentions(after, people)
    const section = NARRATIVE_SECTIONS.find((s) => s.key === key)
    const label = section?.label ?? key
    for (const personId of added) {
      notified.push(
        ...(await notify(db, {
          districtId: cycle.districtId,
          actorId: args.editorId,
          category: 'mention',
          dedupeKey: `cycle:${args.cycleId}:section:${key}:mention:${counts.get(personId) ?? 1}`,
          title: `${editor?.name ?? 'Someone'} mentioned you in “${label}” of “${cycle.title}”`,
          body: excerpt(after),
          link: `/cycles/${args.cycleId}#section-${section?.stage ?? 'plan'}`,
          recipientIds: [personId],
          canOpen: (r) => canReadTeam(r, cycle),
          createdAt: args.now,
        })),
      )
    }
  }
  return notified
}

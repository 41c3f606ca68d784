// Stage transitions read the worksheet's narrative from the stored collaborative document (not the
// debounced plain-text mirror), keep its Yjs state in every snapshot, and lock the Plan sections of the
// live document once the test started.
import type { Actor, CycleSnapshotContent } from '@pdsa/domain'
import { buildInitialDocumentUpdate, documentTexts } from '@pdsa/domain/collab'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CycleDocument } from '../../app/components/CollaborativeNarrative/cycle-document.ts'
import { appendDocumentUpdates } from '../../server/services/collab/append-document-updates.ts'
import { createWorld, type World } from '../factories/index.ts'
import { callerFor } from '../utils/caller.ts'
import {
  connectCycleDocument,
  cookieFor,
  type StartedCollabServer,
  startCollabServer,
  textOf,
  typeInto,
  waitFor,
} from '../utils/collab.ts'
import { createTestDatabase, type TestDatabase } from '../utils/db.ts'

let database: TestDatabase
let world: World
let server: StartedCollabServer
const open: CycleDocument[] = []

const NOW = new Date('2026-11-03T15:30:00Z')
const api = (actor: Actor) => callerFor(database.db, actor, { app: { now: () => NOW } })
/** A caller whose clock moves a minute on every read (snapshots get distinct times). */
let clock = NOW.getTime()
const ticking = (actor: Actor) =>
  callerFor(database.db, actor, {
    app: {
      now: () => {
        clock += 60_000
        return new Date(clock)
      },
    },
  })

beforeAll(async () => {
  database = await createTestDatabase()
  world = await createWorld(database.db, 'Riverbend')
  // A mirror that would take a minute: the transitions below must not depend on it.
  server = await startCollabServer(database.db, { mirrorDelayMs: 60_000, mirrorMaxDelayMs: 60_000 })
})

afterAll(async () => {
  for (const d of open) d.destroy()
  await server?.close()
  await database?.close()
})

/** A cycle in Plan whose only missing piece for Do is the objective. */
async function plannedCycle() {
  const member = api(world.actors.member)
  const { id } = await member.cycle.create({
    teamId: world.teamA.id,
    title: 'Greet at the door',
    plannedStart: '2026-11-02',
    plannedEnd: '2026-11-13',
  })
  await member.cycle.saveMeasures({
    id,
    measures: [{ measureId: world.measure.id, expectedDirection: 'decrease' }],
  })
  await member.cycle.saveQuestions({
    id,
    questions: [{ question: 'Will chronic absence fall?', prediction: 'By about 2 points.' }],
  })
  return id
}

async function openAsMember(cycleId: string) {
  const document = connectCycleDocument(server, cycleId, await cookieFor(database.db, world.users.member.id))
  open.push(document)
  await waitFor(() => document.getStatus().synced && document.getStatus().access === 'edit')
  return document
}

const stateTexts = (state: Uint8Array | null) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state as Uint8Array)
  return documentTexts(doc)
}

describe('stage transitions of a co-edited worksheet', () => {
  it('accepts Plan → Do right after the objective is saved, before the text mirror ran', async () => {
    const id = await plannedCycle()
    const document = await openAsMember(id)
    typeInto(document.doc, 'Learn whether greetings reduce tardies.', 'objective')
    typeInto(document.doc, 'Greeting students by name helps.', 'hypothesis')
    expect(document.getStatus().unsaved).toBe(true)
    expect(await document.whenSaved(5_000)).toBe(true)
    // The plain-text columns still lag behind (the mirror waits a minute in this test).
    expect((await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })).objectiveText).toBe('')

    const result = await api(world.actors.member).cycle.transition({ id, to: 'do' })
    expect(result.stage).toBe('do')
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.objectiveText).toBe('Learn whether greetings reduce tardies.')
    expect(row.hypothesisText).toBe('Greeting students by name helps.')
    const snapshot = await database.db.cycleSnapshot.findUniqueOrThrow({ where: { id: result.snapshotId } })
    const content = snapshot.content as unknown as CycleSnapshotContent
    expect(content.texts.objective).toBe('Learn whether greetings reduce tardies.')
    expect(content.texts.hypothesis).toBe('Greeting students by name helps.')
    expect(stateTexts(snapshot.yState)).toMatchObject({
      objective: 'Learn whether greetings reduce tardies.',
      hypothesis: 'Greeting students by name helps.',
    })

    // The open document learns that the Plan sections are locked; edits to them are refused and
    // never stored, while the Do notes stay open.
    await server.collab.revalidate()
    await waitFor(() => document.getStatus().locked.includes('objective'))
    expect(document.getStatus().locked).not.toContain('do')
    typeInto(document.doc, ' Changed later.', 'objective')
    await waitFor(() => document.getStatus().refusal === 'locked')
    typeInto(document.doc, 'Greeted every morning.', 'do')
    expect(await document.whenSaved(5_000)).toBe(true)
    const stored = await api(world.actors.member).cycle.snapshots({ cycleId: id })
    expect(stored).toHaveLength(1)
    await server.collab.flush()
    const second = connectCycleDocument(server, id, await cookieFor(database.db, world.users.lead.id))
    open.push(second)
    await waitFor(() => second.getStatus().synced && textOf(second.doc, 'do') === 'Greeted every morning.')
    expect(textOf(second.doc, 'objective')).toBe('Learn whether greetings reduce tardies.')
  })

  it('checks the stored document: a stale column does not count as an objective', async () => {
    const id = await plannedCycle()
    // The column says one thing (e.g. written before the document existed) …
    await database.db.pdsaCycle.update({ where: { id }, data: { objectiveText: 'An old objective.' } })
    // … but the stored document, which is what the team sees and edits, has no objective any more.
    const update = buildInitialDocumentUpdate({ hypothesis: 'Only a hypothesis.' }) as Uint8Array
    await appendDocumentUpdates({
      db: database.db,
      rows: [{ cycleId: id, data: update, userId: world.users.member.id }],
      instanceId: 'test',
    })
    const error = await api(world.actors.member)
      .cycle.transition({ id, to: 'do' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED' })
    expect((error as { cause: { meta: { fieldErrors: unknown } } }).cause.meta.fieldErrors).toEqual({
      objective: ['State the objective of the cycle.'],
    })
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.stage).toBe('plan')
    expect(await database.db.cycleSnapshot.count({ where: { cycleId: id } })).toBe(0)
  })

  it('keeps the Yjs state and the locked Plan text in every snapshot, browsable as history', async () => {
    const id = await plannedCycle()
    const document = await openAsMember(id)
    typeInto(document.doc, 'Learn whether greetings reduce tardies.', 'objective')
    typeInto(document.doc, 'Most students will arrive on time.', 'predictions')
    expect(await document.whenSaved(5_000)).toBe(true)
    const member = ticking(world.actors.member)
    const toDo = await member.cycle.transition({ id, to: 'do' })
    await member.cycle.update({ id, carriedOutAsPlanned: true })
    typeInto(document.doc, 'Greeted every morning but one.', 'do')
    expect(await document.whenSaved(5_000)).toBe(true)
    const toStudy = await member.cycle.transition({ id, to: 'study' })

    const history = await api(world.actors.coach).cycle.snapshots({ cycleId: id })
    expect(history.map((s) => [`${s.fromStage}→${s.toStage}`, s.takenBy?.id])).toEqual([
      ['plan→do', world.users.member.id],
      ['do→study', world.users.member.id],
    ])
    const planSnapshot = await api(world.actors.coach).cycle.snapshotById({ id: toDo.snapshotId })
    expect(planSnapshot.content.texts).toMatchObject({
      objective: 'Learn whether greetings reduce tardies.',
      predictions: 'Most students will arrive on time.',
      do: '',
    })
    const studySnapshot = await api(world.actors.coach).cycle.snapshotById({ id: toStudy.snapshotId })
    expect(studySnapshot.content.texts).toMatchObject({
      predictions: 'Most students will arrive on time.',
      do: 'Greeted every morning but one.',
    })
    const rows = await database.db.cycleSnapshot.findMany({
      where: { cycleId: id },
      orderBy: { takenAt: 'asc' },
    })
    expect(rows.map((r) => stateTexts(r.yState).do)).toEqual(['', 'Greeted every morning but one.'])
  })
})

describe('cycle.updateNarrative writes through the document', () => {
  /** A caller whose committed document updates reach the collaboration server, as in server/index.ts. */
  const wired = (actor: Actor) =>
    callerFor(database.db, actor, {
      app: {
        now: () => NOW,
        onCycleDocumentWritten: (cycleId, update) => server.collab.applyStoredUpdate(cycleId, update),
      },
    })

  const storedTexts = async (id: string) => {
    const doc = new Y.Doc()
    const rows = await database.db.yUpdate.findMany({ where: { cycleId: id }, orderBy: { id: 'asc' } })
    const snapshot = await database.db.ySnapshot.findUnique({ where: { cycleId: id } })
    if (snapshot) Y.applyUpdate(doc, snapshot.state)
    for (const r of rows) Y.applyUpdate(doc, r.data)
    return documentTexts(doc)
  }

  it('seeds a cycle without a document from its columns, then replaces the one section', async () => {
    const id = await plannedCycle()
    await database.db.pdsaCycle.update({ where: { id }, data: { hypothesisText: 'Written before.' } })
    await api(world.actors.member).cycle.updateNarrative({
      id,
      section: 'objective',
      text: 'Line one\nLine two',
    })
    expect(await storedTexts(id)).toMatchObject({
      objective: 'Line one\nLine two',
      hypothesis: 'Written before.',
      plan: '',
    })
    const row = await database.db.pdsaCycle.findUniqueOrThrow({ where: { id } })
    expect(row.objectiveText).toBe('Line one\nLine two')
    expect(await database.db.yUpdate.count({ where: { cycleId: id, instanceId: 'api' } })).toBe(1)
    // The same text again changes nothing: no row, no audit event.
    await api(world.actors.member).cycle.updateNarrative({
      id,
      section: 'objective',
      text: 'Line one\nLine two',
    })
    expect(await database.db.yUpdate.count({ where: { cycleId: id } })).toBe(1)
  })

  it('shows the new text in an open editor at once, and the stored document keeps it', async () => {
    const id = await plannedCycle()
    const document = await openAsMember(id)
    typeInto(document.doc, 'Typed in the editor.', 'plan')
    expect(await document.whenSaved(5_000)).toBe(true)
    await wired(world.actors.lead).cycle.updateNarrative({
      id,
      section: 'plan',
      text: 'Set through the API.',
    })
    await waitFor(() => textOf(document.doc, 'plan') === 'Set through the API.')
    expect((await storedTexts(id)).plan).toBe('Set through the API.')
    // The editor keeps working on top of it.
    typeInto(document.doc, ' And edited again.', 'plan')
    expect(await document.whenSaved(5_000)).toBe(true)
    expect((await storedTexts(id)).plan).toBe('Set through the API. And edited again.')
  })

  it('refuses the locked Plan sections once the test started, and a completed cycle, writing nothing', async () => {
    const id = await plannedCycle()
    await api(world.actors.member).cycle.updateNarrative({ id, section: 'objective', text: 'Learn.' })
    await api(world.actors.member).cycle.transition({ id, to: 'do' })
    const rows = await database.db.yUpdate.count({ where: { cycleId: id } })
    await expect(
      api(world.actors.member).cycle.updateNarrative({
        id,
        section: 'predictions',
        text: 'Changed my mind.',
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^“Predictions” is part of the plan, locked/) })
    expect(await database.db.yUpdate.count({ where: { cycleId: id } })).toBe(rows)
    // The Do notes are open.
    await api(world.actors.member).cycle.updateNarrative({
      id,
      section: 'do',
      text: 'Greeted every morning.',
    })
    expect((await storedTexts(id)).do).toBe('Greeted every morning.')
    await database.db.pdsaCycle.update({ where: { id }, data: { stage: 'complete' } })
    await expect(
      api(world.actors.member).cycle.updateNarrative({ id, section: 'act', text: 'Too late.' }),
    ).rejects.toMatchObject({ message: 'This cycle is complete: its worksheet is read-only.' })
  })
})

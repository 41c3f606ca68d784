import { describe, expect, it } from 'vitest'
import { changedSinceImport, IMPORT_UNDO_DAYS, importUndoCheck, type UndoableBatch } from './import-undo.ts'
import type { Actor } from './roles.ts'

const member: Actor = {
  userId: 'u1',
  districtId: 'd1',
  name: 'Mara',
  email: 'mara@example.org',
  grants: [{ role: 'team_member', schoolId: 's1', teamId: 't1' }],
}
const admin: Actor = { ...member, userId: 'a1', grants: [{ role: 'admin', schoolId: null, teamId: null }] }
const leader: Actor = {
  ...member,
  userId: 'l1',
  grants: [{ role: 'district_leader', schoolId: null, teamId: null }],
}
const importedAt = new Date('2026-12-01T17:00:00Z')
const batch: UndoableBatch = {
  createdById: 'u1',
  createdAt: importedAt,
  undoneAt: null,
  changesRecorded: true,
  written: 3,
}
const at = (days: number) => new Date(importedAt.getTime() + days * 86_400_000)

describe('importUndoCheck', () => {
  it('lets the importer undo within the period, up to its last millisecond', () => {
    expect(importUndoCheck(member, batch, at(1), true)).toEqual({ ok: true })
    expect(importUndoCheck(member, batch, at(IMPORT_UNDO_DAYS), true)).toEqual({ ok: true })
    expect(importUndoCheck(member, batch, new Date(at(IMPORT_UNDO_DAYS).getTime() + 1), true)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('lets a district admin undo anyone’s import, but not another importer or a district leader', () => {
    expect(importUndoCheck(admin, batch, at(1), true)).toEqual({ ok: true })
    expect(importUndoCheck(leader, batch, at(1), true)).toEqual({ ok: false, reason: 'forbidden' })
    expect(importUndoCheck({ ...member, userId: 'u2' }, batch, at(1), true)).toEqual({
      ok: false,
      reason: 'forbidden',
    })
  })

  it('refuses an importer who may no longer import data', () => {
    expect(importUndoCheck(member, batch, at(1), false)).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('refuses twice, imports without recorded changes, and imports that wrote nothing', () => {
    expect(importUndoCheck(member, { ...batch, undoneAt: at(1) }, at(2), true).ok).toBe(false)
    expect(importUndoCheck(member, { ...batch, changesRecorded: false }, at(1), true)).toEqual({
      ok: false,
      reason: 'not_recorded',
    })
    expect(importUndoCheck(member, { ...batch, written: 0 }, at(1), true)).toEqual({
      ok: false,
      reason: 'nothing_written',
    })
  })
})

describe('changedSinceImport', () => {
  const written = [
    { observationId: 'o1', value: 10, numerator: 1, denominator: 10 },
    { observationId: 'o2', value: 20, numerator: 2, denominator: 10 },
    { observationId: 'o3', value: 30, numerator: 3, denominator: 10 },
    { observationId: 'o4', value: 40, numerator: 4, denominator: 10 },
  ]
  it('finds cells deleted, re-imported or edited since, and leaves untouched ones alone', () => {
    const current = new Map([
      ['o1', { id: 'o1', value: 10, numerator: 1, denominator: 10, importBatchId: 'b1' }],
      ['o2', { id: 'o2', value: 25, numerator: 2.5, denominator: 10, importBatchId: 'b2' }],
      ['o3', { id: 'o3', value: 31, numerator: 3.1, denominator: 10, importBatchId: 'b1' }],
    ])
    expect(changedSinceImport('b1', written, current)).toEqual([
      { observationId: 'o2', reason: 'reimported', importBatchId: 'b2' },
      { observationId: 'o3', reason: 'edited', importBatchId: 'b1' },
      { observationId: 'o4', reason: 'deleted', importBatchId: null },
    ])
  })
})

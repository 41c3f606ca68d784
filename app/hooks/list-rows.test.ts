import { describe, expect, it } from 'vitest'
import { errorsOnFormRows, errorsOnStartedRows, startedRows, withSavedIds } from './list-rows'

const rows = [
  { key: 'a', id: 'id-a', text: 'saved' },
  { key: 'new-1', id: undefined, text: '' },
  { key: 'new-2', id: undefined, text: 'typed' },
]
const blank = (r: { text: string }) => r.text === ''

describe('startedRows', () => {
  it('keeps saved rows and started new rows, with their form index', () => {
    expect(startedRows(rows, blank).map(({ row, index }) => [row.key, index])).toEqual([
      ['a', 0],
      ['new-2', 2],
    ])
  })
  it('keeps a saved row even when emptied (emptying it is an edit to save)', () => {
    expect(startedRows([{ key: 'a', id: 'id-a', text: '' }], blank)).toHaveLength(1)
  })
})

describe('errorsOnFormRows', () => {
  it('moves a sent row’s error to its form row and keeps other paths', () => {
    const sent = startedRows(rows, blank)
    expect(
      errorsOnFormRows({ 'questions.1.prediction': 'Too long', questions: 'At most 20' }, 'questions', sent),
    ).toEqual({
      'questions.2.prediction': 'Too long',
      questions: 'At most 20',
    })
  })
})

describe('withSavedIds', () => {
  it('gives new rows their ids by key, keeps saved ids and rows added since', () => {
    const sent = startedRows(rows, blank)
    const later = [...rows, { key: 'new-3', id: undefined, text: 'added during the save' }]
    expect(withSavedIds(later, sent, ['id-a', 'id-new-2']).map((r) => r.id)).toEqual([
      'id-a',
      undefined,
      'id-new-2',
      undefined,
    ])
  })
  it('returns the same row objects when nothing changes', () => {
    const result = withSavedIds(rows, [], [])
    expect(result[0]).toBe(rows[0])
  })
})

describe('errorsOnStartedRows', () => {
  it('drops messages on blank new rows, keeps list-level ones', () => {
    const started = startedRows(rows, blank)
    expect(
      errorsOnStartedRows(
        { 'questions.1.question': 'Write it', 'questions.2.question': 'Write it', questions: 'x' },
        started,
      ),
    ).toEqual({ 'questions.2.question': 'Write it', questions: 'x' })
  })
})

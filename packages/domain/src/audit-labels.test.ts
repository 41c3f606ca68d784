import { describe, expect, it } from 'vitest'
import { auditActionLabel, auditEntityLabel } from './audit-labels.ts'

describe('audit labels', () => {
  it('says what happened in words, also for codes it does not know', () => {
    expect(auditActionLabel('auth.sign_in')).toBe('Signed in')
    expect(auditActionLabel('comment.accept_reply')).toBe('Accepted the reply to feedback')
    expect(auditActionLabel('thing.new_kind')).toBe('Thing new kind')
    expect(auditEntityLabel('pdsa_cycle')).toBe('Cycle')
    expect(auditEntityLabel('new_kind')).toBe('New kind')
  })
})

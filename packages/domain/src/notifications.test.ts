import { describe, expect, it } from 'vitest'
import {
  allowedDeliveries,
  checkNotificationPreference,
  dataDuePeriods,
  digestSendTime,
  digestSlot,
  findMentions,
  groupDigest,
  localTime,
  newMentions,
  notificationDelivery,
  unsubscribedDelivery,
} from './notifications.ts'
import { UpdateNotificationPreferenceInputSchema } from './schemas/notifications.ts'

describe('notificationDelivery', () => {
  it('uses the person’s choice, else the category default', () => {
    expect(notificationDelivery('mention', { mention: 'email_immediately' })).toBe('email_immediately')
    expect(notificationDelivery('mention', {})).toBe('daily_digest')
    expect(notificationDelivery('cycle_stage', {})).toBe('in_app')
  })
  it('never lets feedback that requires a response arrive less than daily', () => {
    expect(allowedDeliveries('feedback_requested')).toEqual(['email_immediately', 'daily_digest'])
    // A stored choice no longer allowed (rows written before the rule) falls back to daily.
    expect(notificationDelivery('feedback_requested', { feedback_requested: 'in_app' })).toBe('daily_digest')
    expect(notificationDelivery('feedback_requested', { feedback_requested: 'weekly_digest' })).toBe(
      'daily_digest',
    )
    expect(checkNotificationPreference('feedback_requested', 'weekly_digest').ok).toBe(false)
    expect(checkNotificationPreference('mention', 'in_app').ok).toBe(true)
  })
  it('the input schema refuses less than daily for feedback that requires a response', () => {
    const bad = UpdateNotificationPreferenceInputSchema.safeParse({
      category: 'feedback_requested',
      delivery: 'in_app',
    })
    expect(bad.success).toBe(false)
    expect(
      UpdateNotificationPreferenceInputSchema.safeParse({ category: 'mention', delivery: 'in_app' }).success,
    ).toBe(true)
  })
  it('unsubscribing sets in-app only, or daily for what requires a response', () => {
    expect(unsubscribedDelivery('mention')).toBe('in_app')
    expect(unsubscribedDelivery('feedback_requested')).toBe('daily_digest')
  })
})

describe('digests in the district’s time zone', () => {
  const LA = 'America/Los_Angeles'
  it('reads the local hour and weekday', () => {
    // 2026-12-07 15:00 UTC is Monday 07:00 in Los Angeles (PST, UTC−8).
    expect(localTime(new Date('2026-12-07T15:00:00Z'), LA)).toEqual({
      date: '2026-12-07',
      hour: 7,
      weekday: 1,
    })
  })
  it('a daily digest goes out once per local day, at 07:00 local', () => {
    const at = (iso: string) => digestSendTime(new Date(iso), LA, 'daily_digest')
    // Tue 06:59 local: the last send was Monday's 07:00; from Tue 07:00 on, Tuesday's.
    expect(at('2026-12-08T14:59:00Z')).toEqual({ slot: '2026-12-07', at: new Date('2026-12-07T15:00:00Z') })
    expect(at('2026-12-08T15:00:00Z')).toEqual({ slot: '2026-12-08', at: new Date('2026-12-08T15:00:00Z') })
    expect(at('2026-12-08T23:59:00Z')).toEqual({ slot: '2026-12-08', at: new Date('2026-12-08T15:00:00Z') })
    expect(digestSlot(new Date('2026-12-08T15:00:00Z'), LA, 'daily_digest')).toBe('2026-12-08')
  })
  it('the same UTC instant is a different local hour elsewhere', () => {
    const now = new Date('2026-12-08T06:00:00Z') // 07:00 in Paris (UTC+1), 22:00 the day before in LA
    expect(digestSendTime(now, 'Europe/Paris', 'daily_digest').slot).toBe('2026-12-08')
    expect(digestSlot(now, LA, 'daily_digest')).toBe('2026-12-07')
  })
  it('a weekly digest goes out once a week, Monday 07:00 local', () => {
    const monday = { slot: '2026-12-07', at: new Date('2026-12-07T15:00:00Z') }
    expect(digestSendTime(new Date('2026-12-11T15:00:00Z'), LA, 'weekly_digest')).toEqual(monday) // Fri
    expect(digestSendTime(new Date('2026-12-14T14:00:00Z'), LA, 'weekly_digest')).toEqual(monday) // Mon 06:00
    expect(digestSendTime(new Date('2026-12-14T15:00:00Z'), LA, 'weekly_digest').slot).toBe('2026-12-14')
  })
  it('keeps 07:00 local across the daylight-saving changes', () => {
    // 2026-03-08: LA moves to PDT (UTC−7); 07:00 local is 14:00 UTC from then on.
    expect(digestSlot(new Date('2026-03-08T13:59:00Z'), LA, 'daily_digest')).toBe('2026-03-07')
    expect(digestSendTime(new Date('2026-03-08T14:00:00Z'), LA, 'daily_digest').at).toEqual(
      new Date('2026-03-08T14:00:00Z'),
    )
    // 2026-11-01: back to PST; 01:00 local happens twice, and a 01:00 send is the first of them.
    const early = { hour: 1, weekday: 1 }
    expect(digestSendTime(new Date('2026-11-01T09:30:00Z'), LA, 'daily_digest', early)).toEqual({
      slot: '2026-11-01',
      at: new Date('2026-11-01T08:00:00Z'),
    })
  })
  it('groups pending notifications by category, what needs a response first, newest first', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h))
    const groups = groupDigest([
      { id: 'a', category: 'cycle_stage', createdAt: at(1) },
      { id: 'b', category: 'feedback_requested', createdAt: at(2) },
      { id: 'c', category: 'cycle_stage', createdAt: at(3) },
    ])
    expect(groups.map((g) => [g.category, g.items.map((i) => i.id)])).toEqual([
      ['feedback_requested', ['b']],
      ['cycle_stage', ['c', 'a']],
    ])
  })
})

describe('mentions', () => {
  const people = [
    { id: 'ana', name: 'Ana Ruiz' },
    { id: 'ana-maria', name: 'Ana Ruiz Soto' },
    { id: 'li', name: 'Li Chen' },
  ]
  it('finds @full names, case-insensitively, longest name first', () => {
    expect([...findMentions('Thanks @ana ruiz soto and @Li Chen!', people).keys()].sort()).toEqual([
      'ana-maria',
      'li',
    ])
  })
  it('ignores an @ inside a word (an email address) and a name that continues', () => {
    expect(findMentions('write to x@Li Chen.org', people).size).toBe(0)
    expect(findMentions('@Li Chenoweth', people).size).toBe(0)
  })
  it('only newly added mentions count', () => {
    expect(newMentions('Ask @Ana Ruiz.', 'Ask @Ana Ruiz. Also @Li Chen', people)).toEqual(['li'])
    expect(newMentions('Ask @Ana Ruiz.', 'Ask @Ana Ruiz again.', people)).toEqual([])
    expect(newMentions('Ask @Ana Ruiz.', 'Ask @Ana Ruiz, then @Ana Ruiz', people)).toEqual(['ana'])
  })
})

describe('dataDuePeriods', () => {
  const base = { cadence: 'weekly' as const, since: '2026-11-02', today: '2026-12-02' }
  it('names the two finished periods without data', () => {
    // Today is Wed 2 Dec: the current week began Mon 30 Nov; the two finished ones 16 and 23 Nov.
    expect(dataDuePeriods({ ...base, observed: new Set(['2026-11-09']) })).toEqual([
      '2026-11-16',
      '2026-11-23',
    ])
  })
  it('is not due when either of them has data, or the cycle started after the older one', () => {
    expect(dataDuePeriods({ ...base, observed: new Set(['2026-11-23']) })).toBeNull()
    expect(dataDuePeriods({ ...base, observed: new Set(['2026-11-16']) })).toBeNull()
    expect(dataDuePeriods({ ...base, since: '2026-11-24', observed: new Set() })).toBeNull()
  })
  it('skips daily and term measures', () => {
    expect(dataDuePeriods({ ...base, cadence: 'daily', observed: new Set() })).toBeNull()
    expect(dataDuePeriods({ ...base, cadence: 'term', observed: new Set() })).toBeNull()
  })
  it('monthly: the two months before this one', () => {
    expect(
      dataDuePeriods({ cadence: 'monthly', since: '2026-09-15', today: '2026-12-02', observed: new Set() }),
    ).toEqual(['2026-10-01', '2026-11-01'])
  })
})

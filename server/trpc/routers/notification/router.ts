import type { TRPCRouterRecord } from '@trpc/server'
import { follow, followedSchools } from './follow-school.ts'
import { list } from './list.ts'
import { markAllRead, markRead } from './mark-read.ts'
import { preferences, updatePreference } from './preferences.ts'
import { unreadCount } from './unread-count.ts'

export const notificationRouter = {
  list,
  unreadCount,
  markRead,
  markAllRead,
  preferences,
  updatePreference,
  followedSchools,
  followSchool: follow,
} satisfies TRPCRouterRecord

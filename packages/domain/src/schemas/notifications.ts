import { z } from 'zod'
import {
  checkNotificationPreference,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_DELIVERIES,
} from '../notifications.ts'
import { IdSchema, TextSchema } from './common.ts'

export const NotificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES, { message: 'Unknown category.' })
export const NotificationDeliverySchema = z.enum(NOTIFICATION_DELIVERIES, { message: 'Unknown delivery.' })

export const ListNotificationsInputSchema = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
  /** Id of the last notification of the previous page (newest first). */
  cursor: IdSchema.nullable().default(null),
})
export type ListNotificationsInput = z.infer<typeof ListNotificationsInputSchema>

export const MarkNotificationsReadInputSchema = z.object({
  ids: z.array(IdSchema).min(1).max(100),
})
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInputSchema>

export const UpdateNotificationPreferenceInputSchema = z
  .object({ category: NotificationCategorySchema, delivery: NotificationDeliverySchema })
  .superRefine((v, ctx) => {
    const check = checkNotificationPreference(v.category, v.delivery)
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['delivery'], message: check.message })
  })
export type UpdateNotificationPreferenceInput = z.infer<typeof UpdateNotificationPreferenceInputSchema>

export const FollowSchoolInputSchema = z.object({ schoolId: IdSchema, follow: z.boolean() })
export type FollowSchoolInput = z.infer<typeof FollowSchoolInputSchema>

/** The token of an unsubscribe link (opaque to the client: checked by its signature on the server). */
export const UnsubscribeTokenSchema = TextSchema.trim()
  .min(10, { message: 'This unsubscribe link is incomplete.' })
  .max(500, { message: 'This unsubscribe link is not valid.' })

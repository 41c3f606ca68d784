export { NotificationBell } from './NotificationBell'
export { NotificationItem, type NotificationRow } from './NotificationItem'
export { useNotificationActions } from './use-notifications'

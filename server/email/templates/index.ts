// Every email the app can send, by template name: its subject and its React Email component.
// Part of the API of server/email (ADR 029): add a template here to send a new kind of email.
import { createElement, type ReactElement } from 'react'
import {
  InvitationEmail,
  type InvitationProps,
  invitationSubject,
  PasswordResetEmail,
  type PasswordResetProps,
  passwordResetSubject,
} from './account-emails.tsx'
import type { EmailFrame } from './email-layout.tsx'
import {
  DigestEmail,
  type DigestEmailProps,
  digestSubject,
  NotificationEmail,
  type NotificationEmailProps,
  notificationSubject,
} from './notification-emails.tsx'

export type { EmailFrame } from './email-layout.tsx'

interface Template<P> {
  subject(props: P, frame: EmailFrame): string
  render(props: P, frame: EmailFrame): ReactElement
}

function template<P>(
  subject: Template<P>['subject'],
  Component: (props: P & { frame: EmailFrame }) => ReactElement,
): Template<P> {
  return { subject, render: (props, frame) => createElement(Component, { ...props, frame }) }
}

export const EMAIL_TEMPLATES = {
  invitation: template<InvitationProps>(invitationSubject, InvitationEmail),
  password_reset: template<PasswordResetProps>(passwordResetSubject, PasswordResetEmail),
  notification: template<NotificationEmailProps>(notificationSubject, NotificationEmail),
  notification_digest: template<DigestEmailProps>(digestSubject, DigestEmail),
}

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES
export type EmailTemplateProps<T extends EmailTemplateName> =
  (typeof EMAIL_TEMPLATES)[T] extends Template<infer P> ? P : never

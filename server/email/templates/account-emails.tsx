// Account emails: an invitation (set your own password, or sign in with single sign-on) and a password
// reset (or, in a single sign-on district, why there is none).

import { formatDateTime } from '@pdsa/domain'
import { Button, Link, Section, Text } from '@react-email/components'
import { type EmailFrame, EmailLayout, styles } from './email-layout.tsx'

export interface InvitationProps {
  inviteeName: string
  inviterName: string
  /** "Team lead of Harbor Middle — Attendance" */
  roleDescription: string
  /** Absolute link to set a password (password districts) or to sign in with single sign-on. */
  actionUrl: string
  /** Password districts: when the link stops working (ISO). Single sign-on: null. */
  expiresAt: string | null
}

export function invitationSubject(p: InvitationProps, frame: EmailFrame) {
  return `${p.inviterName} invited you to ${frame.district.name}’s PDSA Tracker`
}

export function InvitationEmail({ frame, ...p }: InvitationProps & { frame: EmailFrame }) {
  const sso = p.expiresAt === null
  return (
    <EmailLayout
      frame={frame}
      preview={`You are invited as ${p.roleDescription}.`}
      heading={`Welcome, ${p.inviteeName}`}
      reason="You get this email because a district admin invited you."
    >
      <Text style={styles.text}>
        {p.inviterName} invited you to {frame.district.name}’s PDSA Tracker as {p.roleDescription}. Teams
        there plan and study improvement cycles together.
      </Text>
      <Section style={{ margin: '20px 0' }}>
        <Button href={p.actionUrl} style={styles.button}>
          {sso ? 'Sign in with single sign-on' : 'Set your password'}
        </Button>
      </Section>
      <Text style={styles.text}>
        {sso
          ? 'Your district signs in with its own school accounts: use your school email when asked.'
          : `The link works once and until ${formatDateTime(new Date(p.expiresAt as string), frame.district.timeZone)}.`}
      </Text>
      <Text style={styles.muted}>
        If the button does not work, open this address:{' '}
        <Link href={p.actionUrl} style={styles.link}>
          {p.actionUrl}
        </Link>
      </Text>
    </EmailLayout>
  )
}

export interface PasswordResetProps {
  name: string
  /** Absolute link to choose a new password, or (single sign-on district) the district's sign-in page. */
  actionUrl: string
  /** When the link stops working (ISO); null when the district signs in with single sign-on only. */
  expiresAt: string | null
}

export function passwordResetSubject(p: PasswordResetProps, frame: EmailFrame) {
  return p.expiresAt
    ? `Reset your ${frame.district.name} PDSA Tracker password`
    : `Sign in to ${frame.district.name}’s PDSA Tracker with single sign-on`
}

export function PasswordResetEmail({ frame, ...p }: PasswordResetProps & { frame: EmailFrame }) {
  if (!p.expiresAt) {
    return (
      <EmailLayout
        frame={frame}
        preview="Your district signs in with single sign-on."
        heading="Your district signs in with single sign-on"
        reason="You get this email because someone asked to reset the password of this address."
      >
        <Text style={styles.text}>
          Hello {p.name}, someone asked to reset your password. {frame.district.name} signs in with its own
          school accounts, so there is no PDSA Tracker password to reset: sign in with single sign-on and your
          school email. If you did not ask, you can ignore this email.
        </Text>
        <Section style={{ margin: '20px 0' }}>
          <Button href={p.actionUrl} style={styles.button}>
            Sign in with single sign-on
          </Button>
        </Section>
      </EmailLayout>
    )
  }
  return (
    <EmailLayout
      frame={frame}
      preview="Choose a new password."
      heading="Choose a new password"
      reason="You get this email because someone asked to reset the password of this address."
    >
      <Text style={styles.text}>
        Hello {p.name}, someone (we hope you) asked to reset your PDSA Tracker password. Choose a new one with
        the button below. If you did not ask, ignore this email: your password stays as it is.
      </Text>
      <Section style={{ margin: '20px 0' }}>
        <Button href={p.actionUrl} style={styles.button}>
          Choose a new password
        </Button>
      </Section>
      <Text style={styles.text}>
        The link works once and until {formatDateTime(new Date(p.expiresAt), frame.district.timeZone)}.
      </Text>
      <Text style={styles.muted}>
        If the button does not work, open this address:{' '}
        <Link href={p.actionUrl} style={styles.link}>
          {p.actionUrl}
        </Link>
      </Text>
    </EmailLayout>
  )
}

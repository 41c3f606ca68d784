// The frame every email shares: the district's name on top, the message, and a footer with when it was
// sent (in the district's time zone), why the person gets it and, for notifications, how to stop them.

import { formatDateTime } from '@pdsa/domain'
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import type { ReactNode } from 'react'

/** What every template receives besides its own props (filled in by enqueueEmail). */
export interface EmailFrame {
  district: { name: string; timeZone: string }
  /** PUBLIC_URL without a trailing slash: every link in an email is absolute. */
  publicUrl: string
  sentAt: Date
  unsubscribeUrl?: string | undefined
}

const text = { color: '#1f2933', fontSize: '15px', lineHeight: '22px' }
export const styles = {
  text,
  muted: { ...text, color: '#52606d', fontSize: '13px', lineHeight: '19px' },
  button: {
    backgroundColor: '#1864ab',
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '15px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  link: { color: '#1864ab', textDecoration: 'underline' },
}

export function EmailLayout({
  frame,
  preview,
  heading,
  children,
  reason,
}: {
  frame: EmailFrame
  preview: string
  heading: string
  children: ReactNode
  /** Why this person gets this email ("You get this email because…"). */
  reason: string
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f5f7fa', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0 }}>
        <Container
          style={{ backgroundColor: '#ffffff', margin: '24px auto', maxWidth: '560px', padding: '28px' }}
        >
          <Text style={{ ...styles.muted, fontWeight: 600, margin: 0 }}>
            {frame.district.name} · PDSA Tracker
          </Text>
          <Heading as="h1" style={{ color: '#102a43', fontSize: '22px', margin: '12px 0 16px' }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: '#d9e2ec', margin: '28px 0 16px' }} />
          <Section>
            <Text style={styles.muted}>
              {reason} Sent {formatDateTime(frame.sentAt, frame.district.timeZone)} by{' '}
              <Link href={frame.publicUrl} style={styles.link}>
                PDSA Tracker
              </Link>{' '}
              for {frame.district.name}.
            </Text>
            {frame.unsubscribeUrl ? (
              <Text style={styles.muted}>
                <Link href={frame.unsubscribeUrl} style={styles.link}>
                  Unsubscribe from these emails
                </Link>{' '}
                ·{' '}
                <Link href={`${frame.publicUrl}/account/notifications`} style={styles.link}>
                  Notification preferences
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  )
}

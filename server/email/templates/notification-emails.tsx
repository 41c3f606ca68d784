// Notification emails: one notification sent at once ("email immediately"), and the daily or weekly
// digest of what was pending, grouped by category (what needs a response first). Both carry the
// category's (or the digest's) one-click unsubscribe link in the footer (ADR 030).

import { formatDateTime } from '@pdsa/domain'
import { Button, Link, Section, Text } from '@react-email/components'
import { type EmailFrame, EmailLayout, styles } from './email-layout.tsx'

export interface NotificationEmailProps {
  recipientName: string
  /** The category's label, e.g. "Feedback that requires a response". */
  categoryLabel: string
  title: string
  body: string
  /** Absolute link to the exact place (the comment, the cycle section, the finding). */
  url: string
  /** When it happened (ISO). */
  createdAt: string
}

export function notificationSubject(p: NotificationEmailProps) {
  return p.title
}

export function NotificationEmail({ frame, ...p }: NotificationEmailProps & { frame: EmailFrame }) {
  return (
    <EmailLayout
      frame={frame}
      preview={p.body || p.title}
      heading={p.title}
      reason={`You get this email because you chose to be emailed at once about “${p.categoryLabel}”.`}
    >
      <Text style={styles.muted}>
        {p.categoryLabel} · {formatDateTime(new Date(p.createdAt), frame.district.timeZone)}
      </Text>
      {p.body ? <Text style={styles.text}>{p.body}</Text> : null}
      <Section style={{ margin: '20px 0' }}>
        <Button href={p.url} style={styles.button}>
          Open in PDSA Tracker
        </Button>
      </Section>
      <Text style={styles.muted}>
        If the button does not work, open this address:{' '}
        <Link href={p.url} style={styles.link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  )
}

export interface DigestEmailProps {
  recipientName: string
  frequency: 'daily' | 'weekly'
  groups: {
    label: string
    items: { title: string; body: string; url: string; createdAt: string }[]
  }[]
}

const countOf = (p: DigestEmailProps) => p.groups.reduce((n, g) => n + g.items.length, 0)
const plural = (n: number) => `${n} notification${n === 1 ? '' : 's'}`

export function digestSubject(p: DigestEmailProps, frame: EmailFrame) {
  return `Your ${p.frequency} PDSA Tracker digest: ${plural(countOf(p))} (${frame.district.name})`
}

export function DigestEmail({ frame, ...p }: DigestEmailProps & { frame: EmailFrame }) {
  const count = countOf(p)
  return (
    <EmailLayout
      frame={frame}
      preview={`${plural(count)} since your last digest.`}
      heading={`Your ${p.frequency} digest`}
      reason={`You get this email because you chose a ${p.frequency} digest for some notifications.`}
    >
      <Text style={styles.text}>
        Hello {p.recipientName}, here {count === 1 ? 'is what' : `are the ${plural(count)} that`} came in
        since your last digest.
      </Text>
      {p.groups.map((group) => (
        <Section key={group.label} style={{ margin: '20px 0 8px' }}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: '0 0 6px' }}>
            {group.label} ({group.items.length})
          </Text>
          {group.items.map((item) => (
            <Text key={item.url + item.createdAt} style={{ ...styles.text, margin: '0 0 10px' }}>
              <Link href={item.url} style={styles.link}>
                {item.title}
              </Link>
              <br />
              <span style={styles.muted}>
                {formatDateTime(new Date(item.createdAt), frame.district.timeZone)}
                {item.body ? ` · ${item.body}` : ''}
              </span>
            </Text>
          ))}
        </Section>
      ))}
      <Section style={{ margin: '20px 0' }}>
        <Button href={`${frame.publicUrl}/notifications`} style={styles.button}>
          Open your notifications
        </Button>
      </Section>
    </EmailLayout>
  )
}

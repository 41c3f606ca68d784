// SMTP through nodemailer (SMTP_URL, e.g. smtps://user:pass@smtp.example.org:465); none: outbox only.
import nodemailer, { type Transporter } from 'nodemailer'

export function createSmtpTransport(smtpUrl: string | undefined): Transporter | null {
  if (!smtpUrl) return null
  return nodemailer.createTransport(smtpUrl)
}

/** The From address when MAIL_FROM is unset: no-reply at PUBLIC_URL's host. */
export function defaultMailFrom(publicUrl: string): string {
  const host = new URL(publicUrl).hostname
  return `PDSA Tracker <no-reply@${host.includes('.') ? host : `${host}.localdomain`}>`
}

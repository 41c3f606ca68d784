// A real SMTP server for tests (smtp-server), keeping every message it receives, parsed with mailparser.
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import nodemailer, { type Transporter } from 'nodemailer'
import { SMTPServer } from 'smtp-server'

export interface TestSmtpServer {
  url: string
  received: ParsedMail[]
  /** A nodemailer transport to this server (what SMTP_URL would make). */
  transport(): Transporter
  close(): Promise<void>
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo)
    .port
  const url = `smtp://127.0.0.1:${port}`
  const transports: Transporter[] = []
  return {
    url,
    received,
    transport() {
      const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      transports.push(t)
      return t
    },
    async close() {
      for (const t of transports) t.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

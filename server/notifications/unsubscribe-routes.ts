// /unsubscribe?token=…: GET shows what the link does and a button; POST (the button, or a mail client's
// RFC 8058 one-click `List-Unsubscribe=One-Click`) applies it. A small page of its own, without the app's
// shell: it must work signed out, from any mail client, under the same CSP (no script, no inline style).
import express, { type Request, type Response } from 'express'
import type { Db } from '../db/client.ts'
import { describeUnsubscribe, unsubscribe } from '../services/notifications/unsubscribe.ts'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · PDSA Tracker</title><meta name="robots" content="noindex"></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/account/notifications">All notification settings</a></p></main></body></html>`
}

const tokenOf = (req: Request) => (typeof req.query.token === 'string' ? req.query.token.slice(0, 500) : '')

export function unsubscribeRoutes({ db, secret }: { db: Db; secret: string }) {
  const router = express.Router()
  const invalid = (res: Response) =>
    res
      .status(400)
      .type('html')
      .send(
        page(
          'This link does not work',
          '<p>The unsubscribe link is incomplete or was changed. Open the notification settings instead.</p>',
        ),
      )

  router.get('/unsubscribe', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store')
    const token = tokenOf(req)
    const outcome = await describeUnsubscribe(db, secret, token)
    if (!outcome.ok) return invalid(res)
    if (req.query.done === '1') {
      return res
        .type('html')
        .send(
          page(
            'You are unsubscribed',
            `<p>You will no longer get emails about “${escapeHtml(outcome.label)}”${outcome.keepsDaily ? ', except feedback that requires a response, which always arrives at least in the daily digest' : ''}. They still appear under the bell in the app.</p>`,
          ),
        )
    }
    return res
      .type('html')
      .send(
        page(
          'Stop these emails?',
          `<p>Stop emails about “${escapeHtml(outcome.label)}”? They will still appear under the bell in the app.</p><form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Unsubscribe</button></form>`,
        ),
      )
  })

  router.post('/unsubscribe', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store')
    const token = tokenOf(req)
    const outcome = await unsubscribe(db, secret, token)
    if (!outcome.ok) return invalid(res)
    // RFC 8058: the mail client only needs a 2xx; a person's browser goes on to the confirmation.
    if (req.body?.['List-Unsubscribe'] === 'One-Click')
      return res.status(200).type('text/plain').send('Unsubscribed.')
    return res.redirect(303, `/unsubscribe?token=${encodeURIComponent(token)}&done=1`)
  })
  return router
}

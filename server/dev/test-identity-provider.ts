// A real OpenID Connect provider (oidc-provider, the certified Node implementation) for tests, and for the
// demo when DEMO_IDENTITY_PROVIDER asks for it (never against PostgreSQL). On a free port: one confidential client, accounts the test defines, a plain sign-in page, and a switch that
// re-signs the next ID token with chosen claims (wrong audience, expired, other nonce) using the
// provider's own key — what a broken or hostile provider could send.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'
import Provider from 'oidc-provider'

export interface TestAccount {
  sub: string
  email: string
  emailVerified: boolean
  name: string
}

export interface TestOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  accounts: Map<string, TestAccount>
  /** The next ID token the token endpoint returns gets these claims (then the switch resets). */
  tamperNextIdToken(claims: JWTPayload): void
  close(): Promise<void>
}

const KID = 'test-signing-key'

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.on('data', (c: Buffer) => {
      text += c.toString()
    })
    req.on('end', () => resolve(new URLSearchParams(text)))
    req.on('error', reject)
  })
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function signInPage(uid: string, error = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label for="email">Email</label> <input id="email" name="email" type="email" required>
<button type="submit">Continue</button></form></main></body></html>`
}

export async function startTestOidcProvider(opts: {
  redirectUris: string[]
  postLogoutRedirectUris?: string[]
  accounts?: TestAccount[]
  port?: number
}): Promise<TestOidcProvider> {
  const accounts = new Map((opts.accounts ?? []).map((a) => [a.email, a]))
  const bySub = () => new Map([...accounts.values()].map((a) => [a.sub, a]))
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' }
  const clientId = 'pdsa-tracker'
  const clientSecret = 'test-client-secret-0123456789'
  let tamper: JWTPayload | null = null

  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    // Email in the ID token, as Google and Entra send it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = bySub().get(sub)
      if (!account) return undefined
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, name: account.name }
        },
      }
    },
  })
  provider.use(async (ctx, next) => {
    await next()
    const body = ctx.body as { id_token?: string } | undefined
    if (ctx.path === '/token' && tamper && body?.id_token) {
      const claims = { ...decodeJwt(body.id_token), ...tamper }
      tamper = null
      body.id_token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .sign(privateKey)
    }
  })
  const handle = provider.callback()

  server.on('request', async (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname
    const match = /^\/interaction\/([\w-]+)$/.exec(path)
    if (!match) return handle(req, res)
    try {
      const details = await provider.interactionDetails(req, res)
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(signInPage(details.uid))
      }
      const email = (await readBody(req)).get('email')?.trim().toLowerCase() ?? ''
      const account = accounts.get(email)
      if (!account) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(signInPage(details.uid, `No account ${email} at this provider.`))
      }
      const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) })
      grant.addOIDCScope(String(details.params.scope))
      const grantId = await grant.save()
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      )
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end(String(error))
    }
  })

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperNextIdToken(claims) {
      tamper = claims
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Plays the browser between the app's authorization URL and the provider's redirect back: follows the
 * provider's redirects with its cookies, submits the sign-in page as `email`, and returns the callback
 * URL the provider sends the browser to (with `code` and `state`, or `error`).
 */
export async function signInAtProvider(authorizationUrl: string, email: string, callbackPrefix: string) {
  const jar = new Map<string, string>()
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i), pair.slice(i + 1))
    }
  }
  let url = authorizationUrl
  let body: URLSearchParams | undefined
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(callbackPrefix)) return url
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    })
    remember(res)
    const location = res.headers.get('location')
    if (location) {
      url = new URL(location, url).toString()
      body = undefined
      continue
    }
    const html = await res.text()
    if (res.status === 200 && html.includes('name="email"') && !body) {
      body = new URLSearchParams({ email })
      continue
    }
    throw new Error(`The provider stopped at ${url} (HTTP ${res.status}): ${html.slice(0, 300)}`)
  }
  throw new Error('Too many redirects at the provider.')
}

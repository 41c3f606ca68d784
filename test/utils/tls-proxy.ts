// A local TLS-terminating reverse proxy for the production topology test (test/integration/
// production-topology.integration.test.ts): what deploy/Caddyfile asks of Caddy, in one Node process.
//   - terminates TLS with a self-signed certificate (`createSelfSignedCertificate`, openssl CLI);
//   - balances requests and WebSocket upgrades round robin over the upstream instances;
//   - sets X-Forwarded-Proto (https), X-Forwarded-Host (the Host the client sent) and appends the
//     client's address to X-Forwarded-For; passes Host through unchanged (as Caddy does);
//   - takes an instance out of rotation while its /readyz does not answer 200 (Caddy's active health
//     check, `health_uri /readyz`), and tries the next instance when one refuses the connection
//     (Caddy's `lb_try_duration`);
//   - answers 502 when an instance fails after the connection was made (the client may retry).
// Tests may pin a request or socket to one instance with the `x-test-upstream: <index>` header (removed
// before forwarding; an instance that is down is skipped as above); every answer names the instance
// that gave it in `x-test-upstream`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'

export const PIN_HEADER = 'x-test-upstream'

export interface Certificate {
  key: string
  cert: string
}

/** A throw-away certificate for `localhost` and 127.0.0.1 (openssl CLI; P-256, valid one day). */
export function createSelfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'pdsa-cert-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface Upstream {
  host: string
  port: number
}

export interface TlsProxyOptions {
  upstreams: Upstream[]
  certificate: Certificate
  /** Where the proxy listens (default `localhost`, any free port). */
  host?: string
  port?: number
  /** How often each instance's /readyz is asked (default 500 ms). */
  healthIntervalMs?: number
}

export interface TlsProxy {
  /** `https://<host>:<port>` */
  url: string
  port: number
  /** Requests and upgrades answered by each instance, by index. */
  served: number[]
  /** Answers 502 given to clients. */
  badGateway: number
  /** Requests and upgrades sent to the next instance after one refused the connection. */
  retried: number
  isHealthy(index: number): boolean
  close(): Promise<void>
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
])

function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === PIN_HEADER) continue
    headers[name] = value
  }
  const client = req.socket.remoteAddress ?? ''
  const prior = req.headers['x-forwarded-for']
  headers['x-forwarded-for'] = prior ? `${prior}, ${client}` : client
  headers['x-forwarded-proto'] = 'https'
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host
  return headers
}

export async function startTlsProxy(options: TlsProxyOptions): Promise<TlsProxy> {
  const { upstreams, certificate, healthIntervalMs = 500 } = options
  const healthy = upstreams.map(() => true)
  const served = upstreams.map(() => 0)
  let badGateway = 0
  let retried = 0
  let next = 0
  const tunnels = new Set<Duplex>()

  /** The instances to try, in order: the pinned one or the next in rotation first, healthy ones only. */
  function candidates(req: IncomingMessage): number[] {
    const pinned = Number(req.headers[PIN_HEADER])
    const first = Number.isInteger(pinned) && upstreams[pinned] ? pinned : next++ % upstreams.length
    const order = upstreams.map((_u, i) => (first + i) % upstreams.length)
    const up = order.filter((i) => healthy[i])
    return up.length ? up : order
  }

  const checkHealth = () => {
    upstreams.forEach((u, i) => {
      const probe = httpRequest({ host: u.host, port: u.port, path: '/readyz', timeout: 2_000 }, (res) => {
        res.resume()
        healthy[i] = res.statusCode === 200
      })
      probe.on('timeout', () => probe.destroy())
      probe.on('error', () => {
        healthy[i] = false
      })
      probe.end()
    })
  }
  checkHealth()
  const healthTimer = setInterval(checkHealth, healthIntervalMs)

  const server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, async (req, res) => {
    // Buffered, so that a request can go to the next instance when one refuses the connection.
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const headers = forwardedHeaders(req)
    const order = candidates(req)
    const attempt = (k: number) => {
      const index = order[k] as number
      const upstream = upstreams[index] as Upstream
      let connected = false
      const forward = httpRequest(
        {
          host: upstream.host,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
          agent: false,
        },
        (answer) => {
          served[index] = (served[index] ?? 0) + 1
          const out: OutgoingHttpHeaders = { [PIN_HEADER]: String(index) }
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value
          }
          res.writeHead(answer.statusCode ?? 502, out)
          answer.pipe(res)
        },
      )
      forward.on('socket', (socket: Socket) => socket.once('connect', () => (connected = true)))
      forward.on('error', () => {
        if (!connected && k + 1 < order.length) {
          retried++
          return attempt(k + 1)
        }
        if (!res.headersSent) {
          badGateway++
          res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway')
        } else res.destroy()
      })
      forward.end(body)
    }
    attempt(0)
  })

  // WebSocket (and any other) upgrades: the request head is written to the instance as received plus
  // the forwarded headers, then bytes are copied both ways.
  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy())
    tunnels.add(client)
    client.on('close', () => tunnels.delete(client))
    const headers = forwardedHeaders(req)
    headers.connection = 'Upgrade'
    headers.upgrade = req.headers.upgrade
    const order = candidates(req)
    const attempt = (k: number) => {
      const index = order[k] as number
      const upstream = upstreams[index] as Upstream
      const socket = connect(upstream.port, upstream.host)
      let connected = false
      socket.once('connect', () => {
        connected = true
        served[index] = (served[index] ?? 0) + 1
        const lines = [`${req.method} ${req.url} HTTP/1.1`]
        for (const [name, value] of Object.entries(headers)) {
          for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`)
        }
        socket.write(`${lines.join('\r\n')}\r\n\r\n`)
        if (head.length) socket.write(head)
        socket.pipe(client)
        client.pipe(socket)
      })
      socket.on('error', () => {
        if (!connected && k + 1 < order.length) {
          retried++
          return attempt(k + 1)
        }
        if (!connected) {
          badGateway++
          client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
        } else client.destroy()
      })
      socket.on('close', () => client.destroy())
      client.on('close', () => socket.destroy())
    }
    attempt(0)
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? 'localhost', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `https://localhost:${port}`,
    port,
    served,
    get badGateway() {
      return badGateway
    },
    get retried() {
      return retried
    },
    isHealthy: (index) => healthy[index] ?? false,
    async close() {
      clearInterval(healthTimer)
      for (const tunnel of tunnels) tunnel.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

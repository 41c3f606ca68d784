// A TCP proxy for browser tests that cut the network without closing connections: `freeze()` stops
// forwarding bytes on every open connection (both ways, nothing is closed, like a laptop that left
// the Wi-Fi) and refuses new ones; `thaw()` forwards again.
import { connect, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  freeze(): void
  thaw(): void
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let frozen = false
  const pairs = new Set<[Socket, Socket]>()
  const dead = new Set<[Socket, Socket]>()
  const server = createServer((client) => {
    if (frozen) {
      client.destroy()
      return
    }
    const upstream = connect(target.port, target.host)
    const pair: [Socket, Socket] = [client, upstream]
    pairs.add(pair)
    client.pipe(upstream)
    upstream.pipe(client)
    // While frozen, one side closing is not seen by the other (no packet gets through): the
    // close happens when the network is back.
    const done = () => {
      if (frozen) {
        dead.add(pair)
        return
      }
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', done).on('close', done)
    upstream.on('error', done).on('close', done)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    freeze() {
      frozen = true
      for (const [client, upstream] of pairs) {
        client.pause()
        upstream.pause()
      }
    },
    thaw() {
      frozen = false
      for (const pair of dead) {
        pairs.delete(pair)
        pair[0].destroy()
        pair[1].destroy()
      }
      dead.clear()
      for (const [client, upstream] of pairs) {
        client.resume()
        upstream.resume()
      }
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy()
        upstream.destroy()
      }
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

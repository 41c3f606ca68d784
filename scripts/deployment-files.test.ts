// Static checks of the container files, which this project's CI cannot build (no Docker daemon): the
// Dockerfile copies only what exists and is not ignored, builds and starts with the README's commands,
// runs as a non-root user; compose.yaml and deploy/Caddyfile describe the topology that
// test/integration/production-topology.integration.test.ts runs without containers (ADR 033).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..')
const read = (file: string) => readFileSync(join(root, file), 'utf8')

interface Instruction {
  op: string
  args: string
}
interface Stage {
  name: string | undefined
  instructions: Instruction[]
}

function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const stages: Stage[] = []
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/)
    const args = rest.join(' ')
    if (op.toUpperCase() === 'FROM') {
      stages.push({ name: / AS (\S+)$/i.exec(args)?.[1], instructions: [] })
    }
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args })
  }
  return stages
}

/** .dockerignore's patterns as used here: a path, `**\/name`, or a trailing `*`. */
function isIgnored(path: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern.startsWith('**/')) return path.split('/').includes(pattern.slice(3))
    if (pattern.endsWith('*')) return path.split('/')[0]?.startsWith(pattern.slice(0, -1)) ?? false
    return path === pattern || path.startsWith(`${pattern}/`)
  })
}

const dockerfile = parseDockerfile(read('Dockerfile'))
const final = dockerfile.at(-1) as Stage
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }

describe('Dockerfile', () => {
  it('is multi-stage and runs the final stage as a non-root user', () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2)
    const user = final.instructions.filter((i) => i.op === 'USER').at(-1)
    expect(user?.args).toBeDefined()
    expect(['root', '0']).not.toContain(user?.args.split(':')[0])
  })

  it('copies only files that exist in the repository and that .dockerignore does not leave out', () => {
    const ignore = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
    const stageNames = new Set(dockerfile.map((s) => s.name))
    for (const { instructions } of dockerfile) {
      for (const { op, args } of instructions.filter((i) => i.op === 'COPY')) {
        const parts = args.split(/\s+/)
        const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length)
        const paths = parts.filter((p) => !p.startsWith('--'))
        if (from) {
          expect(stageNames, `${op} ${args}`).toContain(from)
          continue
        }
        for (const source of paths.slice(0, -1)) {
          if (source === '.') continue
          expect(existsSync(join(root, source)), `${op} ${args}: ${source} does not exist`).toBe(true)
          expect(isIgnored(source.replace(/\/$/, ''), ignore), `${source} is in .dockerignore`).toBe(false)
        }
      }
    }
  })

  it('builds with `pnpm build` and starts with the command of `pnpm start`, in exec form', () => {
    const runs = dockerfile.flatMap((s) => s.instructions.filter((i) => i.op === 'RUN').map((i) => i.args))
    expect(runs).toContain('pnpm build')
    const cmd = final.instructions.filter((i) => i.op === 'CMD').at(-1)
    const command = (JSON.parse(cmd?.args ?? '[]') as string[]).join(' ')
    const start = pkg.scripts.start
      ?.replace('NODE_ENV=production ', '')
      .replace(/\$\{BUILD_DIR:-build\}/, 'build')
    expect(command).toBe(start)
    expect(final.instructions.some((i) => i.op === 'ENV' && /NODE_ENV=production/.test(i.args))).toBe(true)
  })

  it('puts into the final stage the build and what the server reads at start-up (migrations, schema)', () => {
    const copied = final.instructions.filter((i) => i.op === 'COPY').map((i) => i.args)
    for (const path of ['/app/build', '/app/prisma/migrations', '/app/prisma/schema.prisma']) {
      expect(copied.some((args) => args.includes(path))).toBe(true)
    }
  })
})

describe('compose.yaml and deploy/Caddyfile', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<
      string,
      { build?: string; environment?: Record<string, string>; stop_grace_period?: string; networks?: unknown }
    >
    networks: Record<string, { ipam?: { config?: { subnet: string }[] } }>
  }
  const apps = Object.entries(compose.services).filter(([, s]) => s.build === '.')
  const caddyfile = read('deploy/Caddyfile')

  it('runs two instances of the image on one PostgreSQL and one Redis, with https PUBLIC_URL', () => {
    expect(apps).toHaveLength(2)
    const [a, b] = apps.map(([, s]) => s.environment ?? {})
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'PUBLIC_URL', 'TRUST_PROXY']) {
      expect(a?.[key], key).toBeDefined()
      expect(a?.[key], key).toBe(b?.[key])
    }
    expect(a?.PUBLIC_URL).toMatch(/^https:\/\//)
    expect(a?.COLLAB_INSTANCE_ID).not.toBe(b?.COLLAB_INSTANCE_ID)
    // The server gives itself 25 s to shut down (server/index.ts): Docker must wait longer before SIGKILL.
    for (const [, s] of apps) expect(Number.parseInt(s.stop_grace_period ?? '10', 10)).toBeGreaterThan(25)
  })

  it('believes X-Forwarded-* from Caddy only: TRUST_PROXY is Caddy’s fixed address', () => {
    const caddy = compose.services.caddy as { networks: Record<string, { ipv4_address: string }> }
    const addresses = Object.values(caddy.networks).map((n) => n.ipv4_address)
    expect(addresses).toContain(apps[0]?.[1].environment?.TRUST_PROXY)
  })

  it('has Caddy balance round robin over exactly the app instances, health-checked on /readyz', () => {
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/)
    expect(upstreams?.sort()).toEqual(apps.map(([name]) => `${name}:3000`).sort())
    expect(caddyfile).toMatch(/lb_policy round_robin/)
    expect(caddyfile).toMatch(/health_uri \/readyz/)
    expect(caddyfile).toMatch(/lb_try_duration \d+s/)
  })

  it('uses only settings the README documents', () => {
    const readme = read('README.md')
    const keys = apps.flatMap(([, s]) => Object.keys(s.environment ?? {}))
    expect(keys.filter((key) => !readme.includes(`| \`${key}\``))).toEqual([])
  })
})

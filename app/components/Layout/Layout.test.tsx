import { MantineProvider } from '@mantine/core'
import { createRef } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Group, Stack } from './Layout'

/** The element's markup, without the <style> tags MantineProvider writes first. */
const render = (node: React.ReactNode) =>
  renderToString(<MantineProvider>{node}</MantineProvider>).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
const styleOf = (html: string) => /style="([^"]*)"/.exec(html)?.[1] ?? ''
const classOf = (html: string) => /class="([^"]*)"/.exec(html)?.[1] ?? ''

describe('Group and Stack', () => {
  it('write no custom properties for their defaults and tokens (classes instead)', () => {
    for (const html of [
      render(<Group>a</Group>),
      render(
        <Group gap="xs" align="flex-start" justify="space-between" wrap="nowrap">
          a
        </Group>,
      ),
      render(<Stack gap={4}>a</Stack>),
      render(
        <Stack gap="lg" align="center" justify="flex-end">
          a
        </Stack>,
      ),
    ]) {
      expect(html).not.toMatch(/--group-|--stack-|style=/)
    }
    expect(
      classOf(
        render(
          <Group gap="xs" wrap="nowrap">
            a
          </Group>,
        ),
      ).split(' '),
    ).toHaveLength(3)
    expect(classOf(render(<Stack align="center">a</Stack>)).split(' ')).toHaveLength(2)
  })

  it('write any other value inline as the property itself, and keep the caller’s style and style props', () => {
    expect(styleOf(render(<Group gap={10}>a</Group>))).toBe('gap:calc(0.625rem * var(--mantine-scale))')
    expect(styleOf(render(<Stack gap="1rem">a</Stack>))).toBe('gap:1rem')
    expect(styleOf(render(<Group align="last baseline">a</Group>))).toBe('align-items:last baseline')
    expect(styleOf(render(<Stack justify="space-around">a</Stack>))).toBe('justify-content:space-around')
    const html = render(
      <Stack gap={12} mt="md" style={{ color: 'red' }} className="mine" data-testid="s">
        a
      </Stack>,
    )
    expect(styleOf(html)).toBe(
      'gap:calc(0.75rem * var(--mantine-scale));color:red;margin-top:var(--mantine-spacing-md)',
    )
    expect(classOf(html)).toMatch(/ mine$/)
    expect(html).toContain('data-testid="s"')
  })

  it('render as another element, and forward the ref', () => {
    expect(render(<Group component="ul">a</Group>)).toMatch(/^<ul /)
    const ref = createRef<HTMLDivElement>()
    expect(render(<Stack ref={ref}>a</Stack>)).toMatch(/^<div /)
  })

  it('leave `grow` (which sizes the children) to Mantine’s Group', () => {
    expect(render(<Group grow>a</Group>)).toContain('data-grow')
  })
})

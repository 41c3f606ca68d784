import { MantineProvider } from '@mantine/core'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Text } from './Text'

/** The element's markup, without the <style> tags MantineProvider writes first. */
const render = (node: React.ReactNode) =>
  renderToString(<MantineProvider>{node}</MantineProvider>).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')

describe('Text', () => {
  it('sets its common sizes, the dimmed colour, weights 500–700 and uppercase by class, not inline', () => {
    const html = render(
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        Baseline median
      </Text>,
    )
    expect(html).not.toContain('style=')
    expect(html).not.toContain('data-size')
    expect(html).toMatch(/class="[^"]*_xs_[^"]*_dimmed_[^"]*_fw700_[^"]*_uppercase_/)
  })

  it('leaves any other value to Mantine', () => {
    expect(render(<Text fw={800}>a</Text>)).toContain('font-weight:800')
    expect(render(<Text tt="capitalize">a</Text>)).toContain('text-transform:capitalize')
    expect(render(<Text size="xl">a</Text>)).toContain('--text-fz:var(--mantine-font-size-xl)')
    expect(render(<Text c="red.8">a</Text>)).toContain('color:var(--mantine-color-red-8)')
  })
})

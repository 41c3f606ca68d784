import { MantineProvider } from '@mantine/core'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { WorksheetSection } from './WorksheetSection'

const render = (stage: 'plan' | 'act', current: 'plan' | 'study' | 'complete') =>
  renderToString(
    <MantineProvider>
      <WorksheetSection stage={stage} current={current} title="Section title" intro="Section intro">
        <p>Section content</p>
      </WorksheetSection>
    </MantineProvider>,
  )

describe('WorksheetSection on the server', () => {
  it('renders the current stage’s content', () => {
    expect(render('plan', 'plan')).toContain('Section content')
  })

  it('renders other sections’ heading and intro, and a placeholder for their content until hydration', () => {
    const html = render('plan', 'study')
    expect(html).toContain('Section title')
    expect(html).toContain('Section intro')
    expect(html).not.toContain('Section content')
    expect(html).toContain('mantine-Skeleton-root')
  })

  it('renders the Act section of a completed cycle (its decision is what a reader looks for)', () => {
    expect(render('act', 'complete')).toContain('Section content')
  })
})

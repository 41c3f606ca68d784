// Mantine's <Text>, with its commonest props as classes: `size` xs/sm/md/lg and `c="dimmed"` otherwise write
// ~120 bytes of inline style (and a data-size attribute) on every paragraph — 6–8 KB of the cycle page's HTML
// (docs/decisions/027-server-throughput-and-page-weight.md). Same rendering; any other size or colour goes
// to Mantine as before.
import { createPolymorphicComponent, Text as MantineText, type TextProps } from '@mantine/core'
import { forwardRef } from 'react'
import classes from './Text.module.css'

const SIZES = new Set(['xs', 'sm', 'md', 'lg'])

const _Text = forwardRef<HTMLParagraphElement, TextProps>(function Text(
  { size, c, className, ...rest },
  ref,
) {
  const sizeClass = typeof size === 'string' && SIZES.has(size) ? classes[size] : undefined
  const dimmed = c === 'dimmed'
  const names = [className, sizeClass, dimmed ? classes.dimmed : undefined].filter(Boolean).join(' ')
  return (
    <MantineText
      ref={ref}
      className={names || undefined}
      size={sizeClass ? undefined : size}
      c={dimmed ? undefined : c}
      {...rest}
    />
  )
})

export const Text = createPolymorphicComponent<'p', TextProps>(_Text)

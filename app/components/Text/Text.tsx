// Mantine's <Text>, with its commonest props as classes: `size` xs/sm/md/lg and `c="dimmed"` otherwise write
// ~120 bytes of inline style (and a data-size attribute) on every paragraph — 6–8 KB of the cycle page's HTML
// (docs/decisions/027-server-throughput-and-page-weight.md) —, and `fw` 500–700 and `tt="uppercase"` (the
// labels above figures) ~20–30 bytes each. Same rendering; any other value goes to Mantine as before.
import { createPolymorphicComponent, Text as MantineText, type TextProps } from '@mantine/core'
import { forwardRef } from 'react'
import classes from './Text.module.css'

const SIZES = new Set(['xs', 'sm', 'md', 'lg'])
const WEIGHTS = new Set([500, 600, 650, 700])

const _Text = forwardRef<HTMLParagraphElement, TextProps>(function Text(
  { size, c, fw, tt, className, ...rest },
  ref,
) {
  const sizeClass = typeof size === 'string' && SIZES.has(size) ? classes[size] : undefined
  const dimmed = c === 'dimmed'
  const weightClass = typeof fw === 'number' && WEIGHTS.has(fw) ? classes[`fw${fw}`] : undefined
  const uppercase = tt === 'uppercase'
  const names = [
    className,
    sizeClass,
    dimmed ? classes.dimmed : undefined,
    weightClass,
    uppercase ? classes.uppercase : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <MantineText
      ref={ref}
      className={names || undefined}
      size={sizeClass ? undefined : size}
      c={dimmed ? undefined : c}
      fw={weightClass ? undefined : fw}
      tt={uppercase ? undefined : tt}
      {...rest}
    />
  )
})

export const Text = createPolymorphicComponent<'p', TextProps>(_Text)

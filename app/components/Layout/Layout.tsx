// Mantine's <Group> and <Stack> as a Box with classes: Mantine writes `--group-gap`, `--group-align`,
// `--group-justify` and `--group-wrap` (or the three `--stack-*`) inline on every one, defaults included —
// ~80–100 bytes each, 4–5 KB of the cycle page — and resolves them through its Styles API on every render.
// Here the defaults, the spacing tokens, the commonest gaps and alignments are classes (Layout.module.css);
// other values go inline as the property itself. Same props and the same layout; `grow` (which measures its
// children) stays Mantine's.
import {
  Box,
  type BoxProps,
  createPolymorphicComponent,
  type GroupProps,
  getSpacing,
  Group as MantineGroup,
  type StackProps,
} from '@mantine/core'
import { type CSSProperties, forwardRef } from 'react'
import classes from './Layout.module.css'

/** Classes for the spacing tokens and the numbers (px) callers use most; anything else goes inline. */
const GAP_CLASSES = new Map<unknown, string | undefined>([
  ['xs', classes['gap-xs']],
  ['sm', classes['gap-sm']],
  ['md', classes['gap-md']],
  ['lg', classes['gap-lg']],
  ['xl', classes['gap-xl']],
  [0, classes['gap-0']],
  [2, classes['gap-2']],
  [4, classes['gap-4']],
  [6, classes['gap-6']],
])

const ALIGN_CLASSES = new Map<unknown, string | undefined>(
  ['flex-start', 'flex-end', 'center', 'baseline', 'stretch'].map((v) => [v, classes[`align-${v}`]]),
)
const JUSTIFY_CLASSES = new Map<unknown, string | undefined>(
  ['space-between', 'flex-end', 'center'].map((v) => [v, classes[`justify-${v}`]]),
)

/** The class, else the inline style, for each prop that is set (its default is the base class's). */
function layoutOf({ gap, align, justify }: { gap?: unknown; align?: unknown; justify?: unknown }): {
  names: (string | undefined)[]
  style: CSSProperties
} {
  const names: (string | undefined)[] = []
  const style: CSSProperties = {}
  if (gap !== undefined) {
    const name = GAP_CLASSES.get(gap)
    if (name) names.push(name)
    else style.gap = getSpacing(gap)
  }
  if (align !== undefined) {
    const name = ALIGN_CLASSES.get(align)
    if (name) names.push(name)
    else style.alignItems = align as CSSProperties['alignItems']
  }
  if (justify !== undefined) {
    const name = JUSTIFY_CLASSES.get(justify)
    if (name) names.push(name)
    else style.justifyContent = justify as CSSProperties['justifyContent']
  }
  return { names, style }
}

const join = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ')

type LayoutBoxProps = BoxProps & Omit<React.ComponentPropsWithoutRef<'div'>, keyof BoxProps>
/** Styles API props would reach the DOM through Box: not accepted (no caller uses them on Group or Stack). */
type StylesApiProps = 'classNames' | 'styles' | 'vars' | 'unstyled' | 'attributes'
type LayoutGroupProps = Omit<GroupProps, StylesApiProps>
type LayoutStackProps = Omit<StackProps, StylesApiProps>

const _Group = forwardRef<HTMLDivElement, LayoutGroupProps & LayoutBoxProps>(function Group(props, ref) {
  const { gap, align, justify, wrap, grow, preventGrowOverflow: _, className, style, ...rest } = props
  if (grow) return <MantineGroup ref={ref} {...props} />
  const layout = layoutOf({ gap, align, justify })
  return (
    <Box
      ref={ref}
      className={join(
        classes.group,
        ...layout.names,
        wrap === 'nowrap' && classes.nowrap,
        wrap === 'wrap-reverse' && classes['wrap-reverse'],
        className,
      )}
      style={Object.keys(layout.style).length ? [layout.style, style] : style}
      {...rest}
    />
  )
})

const _Stack = forwardRef<HTMLDivElement, LayoutStackProps & LayoutBoxProps>(function Stack(props, ref) {
  const { gap, align, justify, className, style, ...rest } = props
  const layout = layoutOf({ gap, align, justify })
  return (
    <Box
      ref={ref}
      className={join(classes.stack, ...layout.names, className)}
      style={Object.keys(layout.style).length ? [layout.style, style] : style}
      {...rest}
    />
  )
})

export const Group = createPolymorphicComponent<'div', LayoutGroupProps>(_Group)
export const Stack = createPolymorphicComponent<'div', LayoutStackProps>(_Stack)

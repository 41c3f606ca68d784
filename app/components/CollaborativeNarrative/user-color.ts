// A stable colour per user for cursors and avatars: dark shades with at least 4.5:1 contrast against
// white, so the white names on carets and initials on avatars stay readable (WCAG AA).
const COLORS = [
  '#1971c2',
  '#087f5b',
  '#a61e4d',
  '#5f3dc4',
  '#0b7285',
  '#b35900',
  '#862e9c',
  '#364fc7',
  '#c92a2a',
]

export function userColor(userId: string): string {
  let hash = 0
  for (let i = 0; i < userId.length; i++) hash = (Math.imul(hash, 31) + userId.charCodeAt(i)) >>> 0
  return COLORS[hash % COLORS.length] as string
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase()
}

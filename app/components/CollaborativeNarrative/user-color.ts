// A stable colour per user for cursors and avatars: Mantine shades 8–9, which keep white text readable.
const COLORS = [
  '#1971c2',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#d9480f',
  '#9c36b5',
  '#3b5bdb',
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

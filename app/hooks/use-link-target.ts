import { useEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * Brings the element named by the address's #fragment into view and highlights it for a moment (a
 * notification's comment, cycle section or finding). The target may render later (comments load after
 * the page), so it is looked for until it appears, for at most 10 s.
 */
export function useLinkTarget() {
  const { hash, key } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new navigation (key) to the same hash scrolls again
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1))
    if (!id) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const reveal = (el: HTMLElement) => {
      observer.disconnect()
      el.scrollIntoView({ block: 'center' })
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
      el.focus({ preventScroll: true })
      el.setAttribute('data-link-target', 'true')
      timer = setTimeout(() => el.removeAttribute('data-link-target'), 4000)
    }
    const observer = new MutationObserver(() => {
      const el = document.getElementById(id)
      if (el) reveal(el)
    })
    const now = document.getElementById(id)
    if (now) reveal(now)
    else {
      observer.observe(document.body, { childList: true, subtree: true })
      timer = setTimeout(() => observer.disconnect(), 10_000)
    }
    return () => {
      observer.disconnect()
      if (timer) clearTimeout(timer)
    }
  }, [hash, key])
}

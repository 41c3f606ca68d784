import { useEffect, useState } from 'react'
import { useNavigation } from 'react-router'
import classes from './NavigationProgress.module.css'

/** Loads faster than this show no bar (no flicker on quick navigations). */
const SHOW_AFTER_MS = 150

/**
 * A progress bar at the top of the window while React Router loads the next page after a click (its
 * loaders run on the server). Announced to screen readers as a busy progress bar.
 */
export function NavigationProgress() {
  const navigation = useNavigation()
  const busy = navigation.state === 'loading' || navigation.state === 'submitting'
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!busy) {
      setShown(false)
      return
    }
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS)
    return () => clearTimeout(timer)
  }, [busy])
  if (!shown) return null
  return (
    <div
      className={classes.bar}
      role="progressbar"
      aria-label="Loading the page"
      aria-busy="true"
      data-testid="navigation-progress"
    />
  )
}

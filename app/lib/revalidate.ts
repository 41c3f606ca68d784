import type { ShouldRevalidateFunction } from 'react-router'

/**
 * For pages whose filters live in the URL and are applied in the browser: a change of the search
 * params alone (same path, no form) does not reload the page's data.
 */
export const keepDataWhenOnlySearchChanges: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === undefined && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate)

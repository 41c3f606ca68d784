import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/tiptap/styles.css'
// The theme's CSS variables, generated from theme.ts (app/theme-css.ts): a cached stylesheet instead of a
// <style> MantineProvider would compute and write into every page.
import './theme-variables.css'
import './link-target.css'
import './theme-classes.css'
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import { GeneralErrorBoundary } from './components/GeneralErrorBoundary'
import { useNonce } from './lib/nonce'
import { getQueryClient, makeTrpcClient, TRPCProvider } from './lib/trpc'
import { getServerContext } from './lib/trpc.server'
import { keepPageOffline, registerAppShell } from './service-worker/offline-data'
import { cssVariablesResolver, theme } from './theme'

export function loader({ context }: Route.LoaderArgs) {
  const { actor, csrfToken, publicOrigin } = getServerContext(context)
  return {
    user: actor ? { id: actor.userId, name: actor.name, email: actor.email, grants: actor.grants } : null,
    csrfToken,
    /** The origin the server puts in links and in the single sign-on callback (PUBLIC_URL's, else the request's). */
    publicOrigin,
  }
}

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }]

export const meta: Route.MetaFunction = () => [
  { title: 'PDSA Tracker' },
  { name: 'description', content: 'Plan-Do-Study-Act cycles for school equity goals.' },
]

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Inline scripts carry the response's CSP nonce (server/security-headers.ts).
  const nonce = useNonce()
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          defaultColorScheme="light"
          withCssVariables={false}
          // No `mantine-<Component>-<part>` class on every element (the few selected in CSS: theme.ts).
          withStaticClasses={false}
        >
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App({ loaderData }: Route.ComponentProps) {
  const queryClient = getQueryClient()
  // The token changes when the session does (signing in or out revalidates the root loader).
  const csrfToken = useRef(loaderData.csrfToken)
  csrfToken.current = loaderData.csrfToken
  const [trpcClient] = useState(() => makeTrpcClient(() => csrfToken.current))
  // The offline app shell keeps pages for the signed-in user only (docs/decisions/023).
  const userId = loaderData.user?.id ?? null
  useEffect(() => registerAppShell(userId), [userId])
  const { pathname } = useLocation()
  useEffect(() => {
    if (userId) keepPageOffline(pathname)
  }, [pathname, userId])
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Outlet />
      </TRPCProvider>
    </QueryClientProvider>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

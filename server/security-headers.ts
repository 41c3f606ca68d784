// Security headers of every response (docs/decisions/019-http-hardening.md). The policy is what the
// app needs and no more: scripts only from this origin or inline with the response's nonce (React
// Router's hydration scripts, Mantine's colour-scheme script), styles from this origin plus inline
// (Mantine sets `style` attributes and injects its CSS variables), sockets only to this origin
// (/collab), no plugins, no framing, forms only to this origin.
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'

/** A fresh nonce per response (128 random bits). */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64')
}

/** The Content-Security-Policy for a page served from `origin` (scheme://host[:port]). */
export function contentSecurityPolicy(nonce: string, origin: string): string {
  const https = origin.startsWith('https://')
  const socketOrigin = origin.replace(/^http/, 'ws')
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** Powerful browser features the app never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'

/** One year; not includeSubDomains, which would bind every other site of the district's domain. */
export const HSTS = 'max-age=31536000'

export function setSecurityHeaders(
  res: ServerResponse,
  options: { nonce: string; origin: string; https: boolean; csp: boolean },
): void {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
  if (options.csp)
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(options.nonce, options.origin))
  if (options.https) res.setHeader('Strict-Transport-Security', HSTS)
}

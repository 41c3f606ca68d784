// Client secrets of identity providers are stored sealed: AES-256-GCM under a key derived (HKDF-SHA256)
// from SSO_SECRET_KEY, or from SESSION_SECRET when that is not set. Changing the key means re-entering
// each provider's client secret (ADR 028).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

export interface SecretBox {
  seal(plain: string): string
  open(sealed: string): string
}

export function createSecretBox(keyMaterial: string): SecretBox {
  if (keyMaterial.length < 32) throw new Error('The single sign-on secret key needs at least 32 characters.')
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'pdsa-sso', 'identity-provider client secrets', 32))
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not a sealed secret.')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}

import type { TRPCRouterRecord } from '@trpc/server'
import { createProvider } from './create-provider.ts'
import { deleteProvider } from './delete-provider.ts'
import { providers } from './providers.ts'
import { testConnection } from './test-connection.ts'
import { updatePolicy } from './update-policy.ts'
import { updateProvider } from './update-provider.ts'

/** Single sign-on: the district's identity providers and policy (admins). */
export const ssoRouter = {
  providers,
  createProvider,
  updateProvider,
  deleteProvider,
  testConnection,
  updatePolicy,
} satisfies TRPCRouterRecord

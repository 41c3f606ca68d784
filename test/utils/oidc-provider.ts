// The test OpenID Connect provider lives with the server's development tools (the demo can start it too).
export * from '../../server/dev/test-identity-provider.ts'

// `pnpm --silent analyze`: reads one JSON request on stdin, writes one JSON result on stdout.
// A request with a "verdicts" array asks for cycle verdicts (../request/verdict-request.ts); any
// other request is one series to analyse (../request/analyze-request.ts).
// Exit codes: 0 success, 1 invalid request (messages on stderr), 2 stdin is not JSON.
// The only place in @pdsa/analytics that does I/O; see ../request/analyze-request.ts for the logic.

import { analyzeRequest } from '../request/analyze-request.ts'
import { verdictRequest } from '../request/verdict-request.ts'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function main(): Promise<number> {
  const text = await readStdin()
  let request: unknown
  try {
    request = JSON.parse(text)
  } catch (error) {
    process.stderr.write(`analyze: stdin is not valid JSON: ${(error as Error).message}\n`)
    return 2
  }
  if (typeof request === 'object' && request !== null && 'verdicts' in request) {
    const answered = verdictRequest(request)
    if (!answered.ok) {
      process.stderr.write(`analyze: invalid request\n${answered.errors.map((e) => `  - ${e}`).join('\n')}\n`)
      return 1
    }
    process.stdout.write(`${JSON.stringify(answered.result)}\n`)
    return 0
  }
  const outcome = analyzeRequest(request)
  if (!outcome.ok) {
    process.stderr.write(`analyze: invalid request\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}\n`)
    return 1
  }
  for (const warning of outcome.warnings) process.stderr.write(`analyze: warning: ${warning}\n`)
  process.stdout.write(`${JSON.stringify(outcome.result)}\n`)
  return 0
}

process.exitCode = await main()

// Sending an import file to the server with upload progress: XMLHttpRequest (fetch reports no upload
// progress) straight to the tRPC procedure over HTTP, in tRPC's JSON envelope with superjson, with the
// session's CSRF token like every other mutation. The file travels as base64 (read by the browser).
import type { ImportPreviewEvent, ImportResultEvent } from '@pdsa/domain'
import superjson from 'superjson'

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

/** The file's bytes as base64 (without the data: URL prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(new UploadError('The file could not be read by the browser.', 0))
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

type Procedure = 'data.previewImport' | 'data.commitImport'
type Output<P extends Procedure> = P extends 'data.previewImport' ? ImportPreviewEvent : ImportResultEvent

export function uploadToProcedure<P extends Procedure>(
  procedure: P,
  input: Record<string, unknown>,
  opts: { csrfToken: string | null; onUploadProgress?: (sent: number, total: number) => void },
): Promise<Output<P>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/trpc/${procedure}`)
    xhr.setRequestHeader('Content-Type', 'application/json')
    if (opts.csrfToken) xhr.setRequestHeader('x-csrf-token', opts.csrfToken)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onUploadProgress?.(e.loaded, e.total)
    }
    xhr.onerror = () => reject(new UploadError('The upload failed: check the connection and try again.', 0))
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        reject(new UploadError(`The server answered ${xhr.status} without a readable message.`, xhr.status))
        return
      }
      const envelope = body as {
        result?: { data: Parameters<typeof superjson.deserialize>[0] }
        error?: Parameters<typeof superjson.deserialize>[0]
      }
      if (envelope.error) {
        const error = superjson.deserialize<{ message?: string }>(envelope.error)
        reject(new UploadError(error?.message ?? 'The import failed.', xhr.status))
        return
      }
      if (!envelope.result) {
        reject(new UploadError('The server’s answer was not understood.', xhr.status))
        return
      }
      resolve(superjson.deserialize<Output<P>>(envelope.result.data))
    }
    xhr.send(JSON.stringify(superjson.serialize(input)))
  })
}

/** A CSV download: UTF-8, attachment with a safe file name, never cached. */
export function csvResponse(file: { fileName: string; csv: string }): Response {
  return new Response(file.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/** A query parameter, or undefined when absent or empty (empty form fields). */
export function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim()
  return value ? value : undefined
}

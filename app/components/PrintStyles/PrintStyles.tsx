// The print stylesheet of the pages people print (goal, measure, the cycle worksheet): no app header,
// sidebar, buttons or view controls; the page and its chart use the paper's width. Rendered by each such
// page (not globally), so screens nobody prints keep their own print behaviour.

export const PRINT_CSS = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .mantine-AppShell-footer, [data-print-hidden], .no-print,
  button, .mantine-SegmentedControl-root, .mantine-Select-root, .mantine-Tabs-list, .mantine-Breadcrumbs-root,
  .mantine-Notifications-root { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  body { background: #fff !important; }
  a { color: inherit !important; text-decoration: none !important; }
  figure, .recharts-wrapper, article, .mantine-Paper-root { break-inside: avoid; }
  .recharts-wrapper, .recharts-surface { max-width: 100% !important; }
  .recharts-surface { height: auto !important; }
  @page { margin: 14mm; }
}
`

/** Drop into a page to print it without the app's frame and controls. */
export function PrintStyles() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant stylesheet, no user input
  return <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
}

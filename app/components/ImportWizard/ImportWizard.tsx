// The import of observations from a CSV file: choose a file → the server checks every row and shows
// what importing would do (new / changed / unchanged / invalid, each problem with its row) → import all
// rows, or only the valid ones. Large files show the upload's progress, then the server's stage.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Table,
  Title,
} from '@mantine/core'
import {
  fileTooLargeMessage,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  type ImportPhase,
  type ImportPreviewEvent,
  type ImportResultEvent,
  type ImportRowStatus,
} from '@pdsa/domain'
import { IconAlertTriangle, IconCheck, IconFileUpload, IconInfoCircle } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { Group, Stack } from '~/components/Layout'
import { Text } from '~/components/Text'
import { useDistrictTime } from '~/hooks/use-district-time'
import { useTRPC, useTRPCClient } from '~/lib/trpc'
import { RowMessages } from './RowMessages'
import { readAsBase64, UploadError, uploadToProcedure } from './upload'

const PHASE_LABELS: Record<ImportPhase | 'done', string> = {
  parse: 'Reading the file',
  check: 'Checking rows',
  compare: 'Comparing with the stored data',
  write: 'Writing rows',
  done: 'Finishing',
}

/** Filled badges in shades dark enough for white text (WCAG AA). */
const STATUS_COLORS: Record<ImportRowStatus, string> = {
  new: 'teal.9',
  changed: 'blue.9',
  unchanged: 'gray.7',
  invalid: 'red.9',
}

interface Busy {
  label: string
  /** 0–100, or null when the stage has no measurable progress. */
  percent: number | null
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; busy: Busy; then: 'preview' | 'commit' }
  | { kind: 'preview'; preview: ImportPreviewEvent }
  | { kind: 'result'; result: ImportResultEvent }

const fmt = (n: number) => n.toLocaleString('en-US')

export interface ImportWizardProps {
  csrfToken: string | null
  /** Codes an import file may use, for the help text and the template. */
  options: {
    measures: { code: string; name: string; cadence: string; accumulation: 'period' | 'to_date' }[]
    importSchools: { code: string; name: string }[]
    groups: { code: string; name: string }[]
  }
}

function templateHref(options: ImportWizardProps['options']): string {
  const measure = options.measures[0]?.code ?? 'MEASURE'
  const school = options.importSchools[0]?.code ?? 'SCHOOL'
  const group = options.groups[0]?.code ?? 'ALL'
  const text = `${IMPORT_COLUMNS.join(',')}\r\n${measure},${school},2025-09-01,${group},,12,240\r\n`
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`
}

export function ImportWizard({ csrfToken, options }: ImportWizardProps) {
  const trpc = useTRPC()
  const client = useTRPCClient()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)
  const polling = useRef<ReturnType<typeof setInterval> | null>(null)
  const statusId = useId()

  useEffect(
    () => () => {
      if (polling.current) clearInterval(polling.current)
    },
    [],
  )

  async function send(chosen: File, mode: 'preview' | 'all' | 'valid_only') {
    setError(null)
    const then = mode === 'preview' ? 'preview' : 'commit'
    const show = (busy: Busy) => setState({ kind: 'busy', busy, then })
    if (chosen.size > IMPORT_MAX_BYTES) {
      setState({ kind: 'idle' })
      setError(fileTooLargeMessage(chosen.size))
      return
    }
    const uploadId = `u${crypto.randomUUID().replaceAll('-', '')}`
    try {
      show({ label: 'Reading the file in the browser', percent: null })
      const contentBase64 = await readAsBase64(chosen)
      const input = { fileName: chosen.name, contentBase64, uploadId }
      show({ label: 'Uploading', percent: 0 })
      const onUploadProgress = (sent: number, total: number) => {
        if (sent < total) show({ label: 'Uploading', percent: Math.round((sent / total) * 100) })
        else startPolling(uploadId, show)
      }
      if (mode === 'preview') {
        const preview = await uploadToProcedure('data.previewImport', input, { csrfToken, onUploadProgress })
        setState({ kind: 'preview', preview })
      } else {
        const result = await uploadToProcedure(
          'data.commitImport',
          { ...input, mode },
          { csrfToken, onUploadProgress },
        )
        setState({ kind: 'result', result })
        await queryClient.invalidateQueries({ queryKey: trpc.data.importHistory.queryKey() })
      }
    } catch (e) {
      setState({ kind: 'idle' })
      setError(e instanceof UploadError ? e.message : 'The import failed. Try again.')
    } finally {
      if (polling.current) clearInterval(polling.current)
      polling.current = null
    }
  }

  function startPolling(uploadId: string, show: (busy: Busy) => void) {
    if (polling.current) return
    show({ label: 'Waiting for the server', percent: null })
    polling.current = setInterval(async () => {
      try {
        const { progress } = await client.data.importProgress.query({ uploadId })
        if (!progress || !polling.current) return
        const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null
        const counted =
          progress.phase === 'check' || progress.phase === 'compare' || progress.phase === 'write'
            ? ` (${fmt(progress.done)} of ${fmt(progress.total)})`
            : ''
        show({ label: `${PHASE_LABELS[progress.phase]}${counted}`, percent })
      } catch {
        // Progress is a courtesy: the upload's own answer says how it ended.
      }
    }, 400)
  }

  const busy = state.kind === 'busy' ? state.busy : null
  const toDateCodes = options.measures.filter((m) => m.accumulation === 'to_date').map((m) => m.code)

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            1. Choose a CSV file
          </Title>
          <Text size="sm" c="dimmed">
            The first row names the columns: <Code>measure</Code>, <Code>school</Code>, <Code>period</Code>{' '}
            (the period’s first day, YYYY-MM-DD), <Code>student_group</Code>, and <Code>value</Code> or{' '}
            <Code>numerator</Code> and <Code>denominator</Code>. Use the codes of your district’s measures,
            schools and student groups.{' '}
            {toDateCodes.length > 0 ? (
              <>
                Year-to-date measures ({toDateCodes.join(', ')}) take the counts so far this school year, not
                the period’s own.{' '}
              </>
            ) : null}
            At most 20 MB.{' '}
            <Anchor href={templateHref(options)} download="observations-template.csv" underline="always">
              Download a template
            </Anchor>
            .
          </Text>
          <Group align="flex-end" gap="sm">
            <FileInput
              label="CSV file"
              placeholder="Choose a file…"
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".csv,text/csv,text/plain"
              value={file}
              onChange={(f) => {
                setFile(f)
                setState({ kind: 'idle' })
                setError(null)
                if (f) void send(f, 'preview')
              }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              disabled={busy !== null}
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
              w={{ base: '100%', sm: 360 }}
            />
            {file && state.kind !== 'busy' ? (
              <Button variant="default" onClick={() => void send(file, 'preview')}>
                Check the file again
              </Button>
            ) : null}
          </Group>
          <div role="status" aria-live="polite" id={statusId}>
            {busy ? (
              <Stack gap={4}>
                <Text size="sm">{busy.label}…</Text>
                <Progress
                  value={busy.percent ?? 100}
                  animated={busy.percent === null}
                  striped={busy.percent === null}
                  aria-label={busy.label}
                />
              </Stack>
            ) : null}
          </div>
          {error ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={
                <Text component="span" fw={700} size="sm" c="dark.9">
                  Nothing was imported
                </Text>
              }
            >
              {error}
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {state.kind === 'preview' && file ? (
        <PreviewPanel preview={state.preview} onImport={(mode) => void send(file, mode)} />
      ) : null}

      {state.kind === 'result' ? (
        <Alert
          color={state.result.inserted + state.result.updated > 0 ? 'green' : 'blue'}
          icon={<IconCheck size={18} aria-hidden />}
          title={
            <Text component="span" fw={700} size="sm" c="dark.9">
              Import finished
            </Text>
          }
          role="status"
        >
          {state.result.message}
        </Alert>
      ) : null}
    </Stack>
  )
}

function Count({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz="xl" fw={700} c={value > 0 ? color : undefined}>
        {fmt(value)}
      </Text>
    </Paper>
  )
}

function PreviewPanel({
  preview,
  onImport,
}: {
  preview: ImportPreviewEvent
  onImport: (mode: 'all' | 'valid_only') => void
}) {
  const { dateTime } = useDistrictTime()
  const { counts } = preview
  const writes = counts.new + counts.changed
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          2. Check what importing {preview.fileName} would do
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Count label="New" value={counts.new} color="green.8" />
          <Count label="Changed" value={counts.changed} color="blue.8" />
          <Count label="Unchanged" value={counts.unchanged} color="gray.8" />
          <Count label="Invalid" value={counts.invalid} color="red.8" />
        </SimpleGrid>
        <Text size="sm">
          {fmt(counts.rows)} data rows: {fmt(counts.new)} new, {fmt(counts.changed)} changed,{' '}
          {fmt(counts.unchanged)} unchanged, {fmt(counts.invalid)} invalid.
        </Text>
        {preview.previousImport ? (
          <Alert
            color="blue"
            icon={<IconInfoCircle size={18} aria-hidden />}
            title={
              <Text component="span" fw={700} size="sm" c="dark.9">
                Imported before
              </Text>
            }
          >
            The same file ({preview.previousImport.fileName}) was imported on{' '}
            {dateTime(preview.previousImport.createdAt)} by {preview.previousImport.createdBy}.
            {writes === 0 ? ' Importing it again changes nothing.' : ''}
          </Alert>
        ) : null}
        {preview.notes.length > 0 ? (
          <List size="sm">
            {preview.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        ) : null}

        {preview.errorCount > 0 ? (
          <RowMessages
            title="Problems"
            column="Problem"
            explanation="Nothing is written while any row has a problem. Fix the file and check it again, or import only the valid rows."
            messages={preview.errors}
            total={preview.errorCount}
          />
        ) : null}
        {preview.warningCount > 0 ? (
          <RowMessages
            title="Worth a look"
            column="Warning"
            explanation="These rows import as they are, but look unlikely: check them before you import."
            messages={preview.warnings}
            total={preview.warningCount}
          />
        ) : null}

        <Stack gap="xs">
          <Title order={3} size="h5">
            First rows
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder aria-label="First rows of the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  {IMPORT_COLUMNS.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                  <Table.Th>Import</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    {IMPORT_COLUMNS.map((c) => (
                      <Table.Td key={c}>{r.cells[c]}</Table.Td>
                    ))}
                    <Table.Td>
                      <Badge color={STATUS_COLORS[r.status]} variant="filled">
                        {r.status}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>

        <Title order={2} size="h4">
          3. Import
        </Title>
        {counts.valid === 0 ? (
          <Text size="sm">No row can be imported. Fix the problems above and choose the file again.</Text>
        ) : counts.invalid === 0 ? (
          <Group>
            <Button onClick={() => onImport('all')}>
              {writes === 0 ? 'Import (nothing will change)' : `Import ${fmt(counts.valid)} rows`}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button onClick={() => onImport('valid_only')}>
              Import only the {fmt(counts.valid)} valid rows
            </Button>
            <Text size="sm" c="dimmed">
              {counts.invalid === 1
                ? 'The invalid row will be skipped.'
                : `The ${fmt(counts.invalid)} invalid rows will be skipped.`}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

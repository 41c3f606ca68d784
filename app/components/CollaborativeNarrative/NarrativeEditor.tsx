import { Badge } from '@mantine/core'
import { RichTextEditor } from '@mantine/tiptap'
import { IconLock } from '@tabler/icons-react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useId } from 'react'
import { Group } from '~/components/Layout'
import { Text } from '~/components/Text'
import classes from './CollaborativeNarrative.module.css'
import type { CycleDocument } from './cycle-document'
import { ReadPageSelection, readPageSelection } from './read-page-selection'

/**
 * Another person's caret with their name, in their colour. Hidden from assistive technology: the name
 * is not part of the text (presence is announced by the avatars above the worksheet).
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#495057'
  const caret = globalThis.document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.setAttribute('aria-hidden', 'true')
  caret.style.borderColor = color
  const label = globalThis.document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone'
  caret.append(label)
  return caret
}

export interface NarrativeEditorProps {
  document: CycleDocument
  section: string
  label: string
  hint: string
  editable: boolean
  locked: boolean
  user: { name: string; color: string }
}

/** A Tiptap editor bound to one section (XmlFragment) of the cycle's shared document. */
export function NarrativeEditor({
  document,
  section,
  label,
  hint,
  editable,
  locked,
  user,
}: NarrativeEditorProps) {
  const labelId = useId()
  const hintId = useId()
  const editor = useEditor(
    {
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: false, codeBlock: false, horizontalRule: false }),
        Collaboration.configure({ document: document.doc, field: section }),
        CollaborationCaret.configure({ provider: document.provider, user, render: renderCaret }),
        ReadPageSelection,
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': hintId,
        },
      },
    },
    [document, section],
  )

  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true })

  // Before a remote change is applied, read the selection the person just made in the page (see
  // read-page-selection.ts): otherwise the other person's next keystroke or caret move undoes it.
  useEffect(() => {
    if (!editor) return
    return document.beforeRemoteChange(() => {
      if (!editor.isDestroyed) readPageSelection(editor.view)
    })
  }, [document, editor])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.setEditable(editable)
    editor.view.dom.setAttribute('aria-readonly', String(!editable))
  }, [editor, editable])

  return (
    <div>
      <Group gap="xs" mb={2} wrap="nowrap">
        <Text component="span" id={labelId} fw={600} size="sm">
          {label}
        </Text>
        {locked ? (
          <Badge size="sm" variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
            Locked
          </Badge>
        ) : null}
      </Group>
      <Text id={hintId} size="xs" c="dimmed" mb={6}>
        {locked ? 'Locked when the test started: this is what the team predicted and planned.' : hint}
      </Text>
      <RichTextEditor
        editor={editor}
        className={classes.editor}
        variant={editable ? 'default' : 'subtle'}
        // An empty read-only section shows the note below instead of an empty box.
        style={!editable && isEmpty ? { display: 'none' } : undefined}
      >
        {editable ? (
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.Underline />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        ) : null}
        <RichTextEditor.Content />
      </RichTextEditor>
      {!editable && isEmpty ? (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing written yet.
        </Text>
      ) : null}
    </div>
  )
}

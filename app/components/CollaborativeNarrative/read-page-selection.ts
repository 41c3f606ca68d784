// ProseMirror learns where a click put the caret from the browser's `selectionchange` event, which
// arrives asynchronously, some milliseconds after the click. Until then the editor's state keeps the
// old caret, and anything that updates the view in between writes that old caret back into the page:
// ProseMirror's own focus handling (20 ms after focusing), a remote edit, another person's caret
// moving. The click is lost, and Enter splits the paragraph where the caret was before (for someone
// who had not clicked into the section yet: at its start, so the new paragraph lands above the one
// they clicked at the end of). In a co-edited section that happens all the time, because the other
// person's caret sits right where one clicks and moves with every keystroke.
//
// The fix reads the pending page selection into the editor at the moments it matters: when the mouse
// button is released (before the focus handling runs), before a key is handled, and before a message
// from the server is applied (`CycleDocument.beforeRemoteChange`).
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** `view.domObserver` is internal to prosemirror-view; `flush()` is what its selectionchange handler calls. */
export function readPageSelection(view: EditorView): void {
  if (view.isDestroyed) return
  ;(view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush()
}

export const ReadPageSelection = Extension.create({
  name: 'readPageSelection',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('readPageSelection'),
        props: {
          handleDOMEvents: {
            mouseup: (view) => {
              readPageSelection(view)
              return false
            },
            keydown: (view) => {
              readPageSelection(view)
              return false
            },
          },
        },
      }),
    ]
  },
})

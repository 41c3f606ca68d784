import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  buildInitialDocumentUpdate,
  checkSectionUpdate,
  documentTexts,
  filterUpdate,
  fragmentPlainText,
  lockedSectionKeys,
  PLAN_SECTION_KEYS,
  replaceSectionText,
  updateFootprint,
} from './collab.ts'
import { NARRATIVE_SECTION_KEYS } from './cycle.ts'

function paragraph(text: string, marks?: Record<string, unknown>) {
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  p.insert(0, [t])
  t.insert(0, text, marks)
  return p
}

function list(kind: 'bulletList' | 'orderedList', items: string[]) {
  const l = new Y.XmlElement(kind)
  l.insert(
    0,
    items.map((text) => {
      const li = new Y.XmlElement('listItem')
      li.insert(0, [paragraph(text)])
      return li
    }),
  )
  return l
}

/** Two docs that start in sync, like a server and a client. */
function pair() {
  const server = new Y.Doc()
  const client = new Y.Doc()
  return {
    server,
    client,
    /** The update `change` makes on the client, not yet applied to the server. */
    updateOf(change: () => void) {
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
      let update: Uint8Array | null = null
      const handler = (u: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, u]) : u
      }
      client.on('update', handler)
      client.transact(change)
      client.off('update', handler)
      if (!update) throw new Error('no update')
      return update as Uint8Array
    },
  }
}

describe('fragmentPlainText', () => {
  it('renders paragraphs, lists, quotes and hard breaks as lines', () => {
    const doc = new Y.Doc()
    const f = doc.getXmlFragment('plan')
    const quote = new Y.XmlElement('blockquote')
    quote.insert(0, [paragraph('Quoted')])
    const withBreak = paragraph('Line one')
    withBreak.insert(1, [new Y.XmlElement('hardBreak'), new Y.XmlText('line two')])
    f.insert(0, [
      paragraph('Call families', { bold: true }),
      list('bulletList', ['Mon', 'Tue']),
      list('orderedList', ['First']),
      quote,
      withBreak,
      new Y.XmlElement('paragraph'),
    ])
    expect(fragmentPlainText(f)).toBe('Call families\n- Mon\n- Tue\n1. First\n> Quoted\nLine one\nline two')
  })

  it('is empty for an empty section', () => {
    expect(documentTexts(new Y.Doc()).objective).toBe('')
  })
})

describe('buildInitialDocumentUpdate', () => {
  it('builds one paragraph per line, deterministically', () => {
    const texts = { objective: 'Reduce absence\nfor 6th grade', do: 'Went well' }
    const a = buildInitialDocumentUpdate(texts)
    const b = buildInitialDocumentUpdate(texts)
    expect(a).not.toBeNull()
    expect(Buffer.from(a!).equals(Buffer.from(b!))).toBe(true)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, a!)
    Y.applyUpdate(doc, b!) // seeding twice changes nothing
    expect(documentTexts(doc)).toMatchObject({ objective: 'Reduce absence\nfor 6th grade', do: 'Went well' })
    expect(doc.getXmlFragment('objective').length).toBe(2)
  })

  it('returns null when there is no text', () => {
    expect(buildInitialDocumentUpdate({ objective: '' })).toBeNull()
  })
})

describe('replaceSectionText', () => {
  it('replaces a section that has rich content with the paragraphs of a plain text, and nothing else', () => {
    const doc = new Y.Doc()
    doc.getXmlFragment('plan').insert(0, [paragraph('Old plan', { bold: true }), paragraph('Second line')])
    doc.getXmlFragment('objective').insert(0, [paragraph('Keep me')])
    replaceSectionText(doc, 'plan', 'New plan\r\n\nAfter a blank line')
    expect(fragmentPlainText(doc.getXmlFragment('plan'))).toBe('New plan\n\nAfter a blank line')
    expect(doc.getXmlFragment('plan').length).toBe(3)
    expect(fragmentPlainText(doc.getXmlFragment('objective'))).toBe('Keep me')
  })

  it('empties the section for an empty text, in one update another replica can apply', () => {
    const doc = new Y.Doc()
    doc.getXmlFragment('do').insert(0, [paragraph('Something')])
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(doc)
    replaceSectionText(doc, 'do', '')
    expect(doc.getXmlFragment('do').length).toBe(0)
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, before))
    expect(fragmentPlainText(replica.getXmlFragment('do'))).toBe('')
  })
})

describe('updateFootprint', () => {
  it('finds the section of new paragraphs, of typing into existing text and of deletions', () => {
    const { server, client, updateOf } = pair()
    const first = updateOf(() => client.getXmlFragment('objective').insert(0, [paragraph('Hello')]))
    expect([...updateFootprint(server, first).roots]).toEqual(['objective'])
    Y.applyUpdate(server, first)

    const typing = updateOf(() => {
      const text = (client.getXmlFragment('objective').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(5, ' world')
    })
    expect([...updateFootprint(server, typing).roots]).toEqual(['objective'])
    Y.applyUpdate(server, typing)

    const deletion = updateOf(() => client.getXmlFragment('objective').delete(0, 1))
    expect([...updateFootprint(server, deletion).roots]).toEqual(['objective'])
  })

  it('ignores content the document already has', () => {
    const { server, client, updateOf } = pair()
    const u = updateOf(() => client.getXmlFragment('do').insert(0, [paragraph('x')]))
    Y.applyUpdate(server, u)
    expect(updateFootprint(server, u)).toEqual({ roots: new Set(), unresolved: false })
  })

  it('resolves nested list items to their section', () => {
    const { server, client, updateOf } = pair()
    Y.applyUpdate(
      server,
      updateOf(() => client.getXmlFragment('plan').insert(0, [list('bulletList', ['a'])])),
    )
    const nested = updateOf(() => {
      const l = client.getXmlFragment('plan').get(0) as Y.XmlElement
      const li = new Y.XmlElement('listItem')
      l.insert(1, [li])
      li.insert(0, [paragraph('b')])
    })
    expect([...updateFootprint(server, nested).roots]).toEqual(['plan'])
  })

  it('reports updates that depend on content the document lacks as unresolved', () => {
    const { server, client, updateOf } = pair()
    updateOf(() => client.getXmlFragment('plan').insert(0, [paragraph('a')])) // never reaches server
    const dependent = updateOf(() => {
      const text = (client.getXmlFragment('plan').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(1, 'b')
    })
    expect(updateFootprint(server, dependent).unresolved).toBe(true)
  })

  it('throws on bytes that are not an update', () => {
    expect(() => updateFootprint(new Y.Doc(), new Uint8Array([200, 1, 2]))).toThrow()
  })
})

describe('checkSectionUpdate / filterUpdate', () => {
  it('passes updates to open sections through unchanged', () => {
    const { server, client, updateOf } = pair()
    const toDo = updateOf(() => client.getXmlFragment('do').insert(0, [paragraph('y')]))
    const result = checkSectionUpdate(server, toDo, lockedSectionKeys('do'))
    expect(result).toEqual({ update: toDo, refused: [], reason: null })
    expect(lockedSectionKeys('plan')).toEqual([])
    expect(lockedSectionKeys('study')).toEqual(PLAN_SECTION_KEYS)
    expect(lockedSectionKeys('complete')).toEqual(NARRATIVE_SECTION_KEYS)
  })

  it('removes changes to locked sections, keeps the rest, and later updates of the sender still apply', () => {
    const { server, client, updateOf } = pair()
    const locked = lockedSectionKeys('do')
    // Offline edits to a locked and an open section, sent in one message.
    const mixed = updateOf(() => {
      client.getXmlFragment('predictions').insert(0, [paragraph('changed our minds')])
      client.getXmlFragment('do').insert(0, [paragraph('ran it Monday')])
    })
    const result = checkSectionUpdate(server, mixed, locked)
    expect(result.reason).toBe('locked')
    expect(result.refused).toEqual(['predictions'])
    Y.applyUpdate(server, result.update)
    expect(documentTexts(server)).toMatchObject({ predictions: '', do: 'ran it Monday' })
    // The sender's next edit continues its clock: it must not wait for the removed content.
    const next = updateOf(() => {
      const text = (client.getXmlFragment('do').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(text.length, ' and Tuesday')
    })
    Y.applyUpdate(server, checkSectionUpdate(server, next, locked).update)
    expect(server.store.pendingStructs).toBeNull()
    expect(documentTexts(server).do).toBe('ran it Monday and Tuesday')
  })

  it('keeps content of locked sections from being deleted', () => {
    const { server, client, updateOf } = pair()
    Y.applyUpdate(
      server,
      updateOf(() => client.getXmlFragment('hypothesis').insert(0, [paragraph('Because')])),
    )
    const deletion = updateOf(() => {
      client.getXmlFragment('hypothesis').delete(0, 1)
      client.getXmlFragment('study').insert(0, [paragraph('learned')])
    })
    const result = checkSectionUpdate(server, deletion, lockedSectionKeys('study'))
    expect(result.refused).toEqual(['hypothesis'])
    Y.applyUpdate(server, result.update)
    expect(documentTexts(server)).toMatchObject({ hypothesis: 'Because', study: 'learned' })
  })

  it('removes content outside the worksheet sections', () => {
    const { server, client, updateOf } = pair()
    const toElsewhere = updateOf(() => client.getMap('other').set('k', 1))
    const result = checkSectionUpdate(server, toElsewhere, [])
    expect(result).toMatchObject({ reason: 'unknown_section', refused: ['other'] })
    Y.applyUpdate(server, result.update)
    expect(server.getMap('other').size).toBe(0)
  })

  it('never lets content reach a locked section through content it depends on', () => {
    const { server, client, updateOf } = pair()
    const locked = lockedSectionKeys('do')
    const first = updateOf(() => client.getXmlFragment('plan').insert(0, [paragraph('a')]))
    const dependent = updateOf(() => {
      const text = (client.getXmlFragment('plan').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(1, 'b')
    })
    // The dependent update arrives first: its place is unknown, so it is kept (pending)…
    Y.applyUpdate(server, filterUpdate(server, dependent, (r) => !locked.includes(r as never)).update)
    // …and its dependency is refused when it arrives, so it ends up deleted too.
    Y.applyUpdate(server, checkSectionUpdate(server, first, locked).update)
    expect(documentTexts(server).plan).toBe('')
    expect(server.store.pendingStructs).toBeNull()
  })
})

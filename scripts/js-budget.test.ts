import { describe, expect, it } from 'vitest'
import { compareWithBudget, initialModules } from './js-budget.ts'

const manifest = {
  entry: { module: '/assets/entry.js', imports: ['/assets/react.js'] },
  routes: {
    root: {
      id: 'root',
      module: '/assets/root.js',
      imports: ['/assets/react.js', '/assets/mantine.js'],
      hasDefaultExport: true,
    },
    'routes/app-layout': {
      id: 'routes/app-layout',
      parentId: 'root',
      module: '/assets/layout.js',
      hasDefaultExport: true,
    },
    'routes/cycle': {
      id: 'routes/cycle',
      parentId: 'routes/app-layout',
      module: '/assets/cycle.js',
      imports: ['/assets/tiptap.js'],
      hasDefaultExport: true,
    },
    'routes/csv': {
      id: 'routes/csv',
      parentId: 'routes/app-layout',
      module: '/assets/csv.js',
      hasDefaultExport: false,
    },
  },
}

describe('initialModules', () => {
  it('counts the entry and every route module from the root down to the page, each file once', () => {
    const modules = initialModules(manifest)
    expect([...modules.keys()]).toEqual(['routes/cycle'])
    expect([...(modules.get('routes/cycle') ?? [])].sort()).toEqual(
      [
        '/assets/cycle.js',
        '/assets/entry.js',
        '/assets/layout.js',
        '/assets/mantine.js',
        '/assets/react.js',
        '/assets/root.js',
        '/assets/tiptap.js',
      ].sort(),
    )
  })
})

describe('compareWithBudget', () => {
  it('fails a route more than 10 % over its budget, or without a budget', () => {
    const rows = compareWithBudget({ a: 1100, b: 1101, c: 500, d: 10 }, { a: 1000, b: 1000, c: 1000 })
    expect(rows.map((r) => [r.route, r.over])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', true],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { splitSqlScript } from './sql-script.ts'

describe('splitSqlScript', () => {
  it('splits on semicolons between statements and drops empty and comment-only pieces', () => {
    expect(splitSqlScript('CREATE TABLE a (x int);\n\n-- a note\nINSERT INTO a VALUES (1);;\n')).toEqual([
      'CREATE TABLE a (x int)',
      '-- a note\nINSERT INTO a VALUES (1)',
    ])
    expect(splitSqlScript('-- only a comment\n/* and another; */')).toEqual([])
  })

  it('keeps function bodies in dollar quotes whole, tagged or not', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
  RETURN NULL;
END;
$$`
    const tagged = `CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$`
    expect(splitSqlScript(`${fn};\n${tagged};\nSELECT 2`)).toEqual([fn, tagged, 'SELECT 2'])
  })

  it('ignores semicolons in strings, identifiers and comments', () => {
    const script = [
      "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y')",
      '-- a comment; with a semicolon\nSELECT "odd;name" FROM t',
      'SELECT 1 /* a; /* nested; */ comment */ + 1',
    ].join(';\n')
    expect(splitSqlScript(script)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y')",
      '-- a comment; with a semicolon\nSELECT "odd;name" FROM t',
      'SELECT 1 /* a; /* nested; */ comment */ + 1',
    ])
  })

  it('does not take a positional parameter or an identifier with $ for a dollar quote', () => {
    expect(splitSqlScript('SELECT $1; SELECT a$b$ FROM t; SELECT 3')).toEqual([
      'SELECT $1',
      'SELECT a$b$ FROM t',
      'SELECT 3',
    ])
  })
})

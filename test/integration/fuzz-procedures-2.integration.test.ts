// Part 2 of the fuzz suite (test/fuzz/define-fuzz-suite.ts, docs/decisions/021-input-hygiene.md).
import { defineFuzzSuite } from '../fuzz/define-fuzz-suite.ts'

defineFuzzSuite(2)

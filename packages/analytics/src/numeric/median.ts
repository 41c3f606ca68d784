// Median as R's stats::median(x, na.rm = TRUE): the middle value, or the mean of the two middle
// values for an even count; NaN (R: NA) when there is no value. O(n) expected via quickselect on a
// scratch copy, so the caller's array is never reordered.

let scratch = new Float64Array(64)

function ensureScratch(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2))
  return scratch
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) {
    if (b < c) return b
    return Math.max(a, c)
  }
  if (a < c) return a
  return Math.max(b, c)
}

/** Rearranges work[left..right] so that work[k] holds the k-th smallest value (Hoare selection). */
function selectInPlace(work: Float64Array, k: number, leftStart: number, rightStart: number): void {
  let left = leftStart
  let right = rightStart
  while (right > left) {
    // median-of-three pivot keeps sorted and reverse-sorted inputs linear
    const middle = (left + right) >>> 1
    const a = work[left] as number
    const b = work[middle] as number
    const c = work[right] as number
    const pivot = medianOfThree(a, b, c)
    let i = left
    let j = right
    while (i <= j) {
      while ((work[i] as number) < pivot) i++
      while ((work[j] as number) > pivot) j--
      if (i <= j) {
        const swap = work[i] as number
        work[i] = work[j] as number
        work[j] = swap
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else return
  }
}

/** Median of the values for which `isSelected(index)` is true (all when omitted), NaN skipped. */
export function medianOf(values: ArrayLike<number>, isSelected?: (index: number) => boolean): number {
  const work = ensureScratch(values.length)
  let count = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    if (Number.isNaN(value)) continue
    if (isSelected !== undefined && !isSelected(i)) continue
    work[count++] = value
  }
  return medianOfScratch(work, count)
}

/** Median of the first `count` entries of `work`, which it reorders. */
export function medianOfScratch(work: Float64Array, count: number): number {
  if (count === 0) return Number.NaN
  const half = (count - 1) >>> 1
  selectInPlace(work, half, 0, count - 1)
  const lower = work[half] as number
  if (count % 2 === 1) return lower
  // the upper middle value is the smallest value above position `half`
  let upper = work[half + 1] as number
  for (let i = half + 2; i < count; i++) {
    const value = work[i] as number
    if (value < upper) upper = value
  }
  // R: mean(c(lower, upper)); (a + b) / 2 is that value correctly rounded unless it overflows
  const mean = (lower + upper) / 2
  return Number.isFinite(mean) ? mean : lower / 2 + upper / 2
}

/** Scratch buffer of at least `size` entries, shared by callers that gather values before medianOfScratch. */
export function medianScratch(size: number): Float64Array {
  return ensureScratch(size)
}

// Reusable working arrays for the hot paths. A million-point request used to allocate ~80 MB of
// typed arrays per call; V8 counts them as external memory and, past 64 MB since the last
// collection, starts a full mark-compact of the heap (which holds the request itself) in the middle
// of the call (ADR 015). Working arrays that never leave a call are therefore reused. The caller must
// write every entry before reading it and must not keep the array after the call returns.

/** Keeps one Float64Array between calls; grows on demand and shrinks when a call needs far less. */
export class ScratchFloat64 {
  private buffer = new Float64Array(0)

  /** A working array of exactly `length` entries (contents undefined). */
  take(length: number): Float64Array {
    if (this.buffer.length < length || this.buffer.length > 4 * length + 4096) {
      this.buffer = new Float64Array(length)
    }
    return this.buffer.length === length ? this.buffer : this.buffer.subarray(0, length)
  }
}

/** As ScratchFloat64, for Uint8Array flags. */
export class ScratchUint8 {
  private buffer = new Uint8Array(0)

  take(length: number): Uint8Array {
    if (this.buffer.length < length || this.buffer.length > 4 * length + 4096) {
      this.buffer = new Uint8Array(length)
    }
    return this.buffer.length === length ? this.buffer : this.buffer.subarray(0, length)
  }
}

// freeze / part / exclude of a `pnpm analyze` request: 1-based positions in the sorted, aggregated
// series. A position below 1 is an error. A position beyond the series is dropped with a warning,
// which is what qicharts2 does silently: `baseline <- xx <= freeze` (a freeze beyond the last point
// makes every point the baseline), `include <- !xx %in% exclude`, makeparts() keeps parts < n only.
// As in qic(), `freeze` is ignored whenever `part` is given (even if all its positions are dropped).

export interface RequestPositions {
  freeze?: number | undefined
  part?: readonly number[] | undefined
  exclude?: readonly number[] | undefined
}

export interface CheckedPositions {
  freeze: number | undefined
  part: number[] | undefined
  /** 0-based, for analyzeSeries. */
  excludedIndices: number[] | undefined
  errors: string[]
  warnings: string[]
}

function listed(positions: number[]): string {
  return positions.length === 1 ? `position ${positions[0]} is` : `positions ${positions.join(', ')} are`
}

export function checkPositions(request: RequestPositions, length: number): CheckedPositions {
  const errors: string[] = []
  const warnings: string[] = []
  const pointCount = `${length} ${length === 1 ? 'point' : 'points'}`

  const isPartGiven = request.part !== undefined && request.part.length > 0
  let freeze = request.freeze
  if (freeze !== undefined && freeze < 1) {
    errors.push(`freeze: position ${freeze} is out of range 1..${length}`)
  } else if (freeze !== undefined && isPartGiven) {
    warnings.push('freeze is ignored because part is given (qicharts2 behaviour)')
    freeze = undefined
  } else if (freeze !== undefined && freeze > length) {
    warnings.push(
      `freeze: position ${freeze} is beyond the ${pointCount} of the series and is ignored (every point is the baseline, as in qicharts2)`,
    )
    freeze = undefined
  }

  let part: number[] | undefined
  if (request.part !== undefined) {
    const dropped: number[] = []
    part = []
    request.part.forEach((position, index) => {
      if (position < 1) errors.push(`part[${index}]: position ${position} is out of range 1..${length - 1}`)
      else if (position >= length) dropped.push(position)
      else part?.push(position)
    })
    if (dropped.length > 0) {
      warnings.push(
        `part: ${listed(dropped)} at or after the last of the ${pointCount} and dropped (qicharts2 drops them too)`,
      )
    }
  }

  let excludedIndices: number[] | undefined
  if (request.exclude !== undefined) {
    const dropped: number[] = []
    excludedIndices = []
    request.exclude.forEach((position, index) => {
      if (position < 1) errors.push(`exclude[${index}]: position ${position} is out of range 1..${length}`)
      else if (position > length) dropped.push(position)
      else excludedIndices?.push(position - 1)
    })
    if (dropped.length > 0) {
      warnings.push(
        `exclude: ${listed(dropped)} beyond the ${pointCount} of the series and dropped (qicharts2 ignores them too)`,
      )
    }
  }
  return { freeze, part, excludedIndices, errors, warnings }
}

# Produces reference outputs for the @pdsa/analytics fixture tests by running qicharts2's own
# computational code (not part of this repository) on the requests in a cases file.
#
# Usage (see ../README.md):
#   Rscript qicharts2-reference.R <qicharts2 R dir> <cases.json> <out.jsonl>
#
# <qicharts2 R dir> must contain helper.functions.R from anhoej/qicharts2 (the commit is named in
# ../README.md). That file defines qic.agg(), the chart functions and runs.analysis(); the plotting
# code is not needed. This script reproduces only the argument handling of qic() (R/qic.R), so that
# qic.agg() receives exactly what qic(x, y, n, chart = , freeze = , part = , exclude = ,
# multiply = ) would pass it.
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
source(file.path(args[1], 'helper.functions.R'))
# qicharts2's .onAttach sets this option when the package is attached with library(qicharts2).
options(qic.screenedmr = TRUE)

reference_qic <- function(x, y, n, chart, freeze, part, exclude, multiply) {
  chart.fun <- get(paste0('qic.', chart))
  facets <- data.frame(facet1 = 1, facet2 = 1)
  if (is.null(n)) {
    n <- NA
    got.n <- FALSE
  } else {
    got.n <- TRUE
  }
  if (is.null(freeze) || !is.null(part)) {
    freeze <- Inf
    part <- as.integer(part)
  }
  if (is.null(exclude)) exclude <- Inf
  notes <- ''
  cl <- NA * 1
  target <- NA * 1
  dots.only <- is.factor(x) || mode(x) != 'numeric'
  if (inherits(x, c('Date', 'POSIXt'))) x <- as.POSIXct(as.character(x), tz = 'UTC')
  if (got.n) {
    cases <- stats::complete.cases(y, n)
    y[!cases] <- NA
    n[!cases] <- NA
  }
  d <- data.frame(x, y, n, notes, facets, cl, target)
  d <- droplevels(d)
  qic.agg(d, got.n, part, 'mean', freeze, exclude, chart.fun, multiply, dots.only, chart,
          'anhoej', TRUE)
}

num <- function(v) {
  if (length(v) == 0 || is.na(v) || !is.finite(v)) return('null')
  sprintf('%.17g', v + 0) # + 0 turns R's -0 (qbinom can return it) into 0
}

to_json_result <- function(d) {
  pts <- vapply(seq_len(nrow(d)), function(i) {
    sprintf('{"value":%s,"cl":%s,"lcl":%s,"ucl":%s,"sigmaSignal":%s,"phase":%d}',
            num(d$y[i]), num(d$cl[i]), num(d$lcl[i]), num(d$ucl[i]),
            tolower(as.character(d$sigma.signal[i])), as.integer(d$part[i]))
  }, '')
  parts <- sort(unique(d$part))
  phs <- vapply(parts, function(p) {
    r <- d[d$part == p, ][1, ]
    sprintf(paste0('{"phase":%d,"nUseful":%d,"longestRun":%s,"longestRunMax":%s,',
                   '"crossings":%s,"crossingsMin":%s,"runsSignal":%s}'),
            as.integer(p), as.integer(r$n.useful), num(r$longest.run), num(r$longest.run.max),
            num(r$n.crossings), num(r$n.crossings.min), tolower(as.character(r$runs.signal)))
  }, '')
  paste0('{"points":[', paste(pts, collapse = ','), '],"phases":[', paste(phs, collapse = ','), ']}')
}

cases <- fromJSON(args[2], simplifyVector = FALSE)
out <- character(0)
for (case in cases) {
  req <- fromJSON(case$requestJson, simplifyVector = FALSE)
  is_date <- is.character(req$points[[1]]$x)
  x <- if (is_date) {
    as.Date(vapply(req$points, function(p) p$x, ''))
  } else {
    vapply(req$points, function(p) as.numeric(p$x), 0)
  }
  y <- vapply(req$points, function(p) if (is.null(p$y)) NA_real_ else as.numeric(p$y), 0)
  has_n <- any(vapply(req$points, function(p) 'n' %in% names(p), TRUE))
  n <- if (has_n) vapply(req$points, function(p) if (is.null(p$n)) NA_real_ else as.numeric(p$n), 0) else NULL
  int_or_null <- function(v) if (is.null(v)) NULL else as.numeric(unlist(v))
  multiply <- if (is.null(req$multiply)) 1 else req$multiply
  res <- tryCatch(
    suppressWarnings(reference_qic(x, y, n, req$chart, int_or_null(req$freeze), int_or_null(req$part),
                                   int_or_null(req$exclude), multiply)),
    error = function(e) e)
  if (inherits(res, 'error')) {
    expected <- sprintf('{"error":%s}', toJSON(conditionMessage(res), auto_unbox = TRUE))
  } else {
    expected <- to_json_result(res)
  }
  out <- c(out, sprintf('{"name":%s,"request":%s,"expected":%s}',
                        toJSON(case$name, auto_unbox = TRUE), case$requestJson, expected))
}
# JSON Lines: one case per line
writeLines(out, args[3])

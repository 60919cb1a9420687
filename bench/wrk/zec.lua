-- wrk script for the ZEC wire: cycles through prebuilt POST requests (body and headers, incl.
-- precomputed ZC2-HMAC-SHA256 signatures for --auth strict) read from the Lua file named by
-- ZEC_REQUESTS, and prints one machine-readable summary line for bench/run.mjs.
local data = dofile(os.getenv('ZEC_REQUESTS'))
local prepared = {}
local n = 0

function init (args)
  for k, r in ipairs(data) do prepared[k] = wrk.format('POST', '/api/v2/zec', r.headers, r.body) end
end

function request ()
  n = n % #prepared + 1
  return prepared[n]
end

function done (summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCHJSON {"requests":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p99":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean))
end

-- Checks one request against the sliding-window limits of all its subjects and, when every limit
-- has room, counts it for each subject with an rpm limit: one atomic step across replicas.
-- KEYS: for each subject, its bucket of the previous minute, then of the current minute
--   (hashes: r = requests, t = tokens).
-- ARGV: milliseconds elapsed in the current minute, estimated prompt tokens, bucket TTL in
--   milliseconds, then for each subject its rpm, its tpm (-1 for none), and the tokens this replica
--   has counted in the current minute but not sent yet.
-- Returns 1 (admitted) or 0 (refused), then for each subject its previous and current requests and
--   tokens after the call. The tests are SlidingWindow.fits, operation for operation.
local elapsed = tonumber(ARGV[1])
local estimate = tonumber(ARGV[2])
local weight = (60000 - elapsed) / 60000
local subjects = #KEYS / 2
local reply = {1}
for i = 1, subjects do
  local previous = redis.call('HMGET', KEYS[2 * i - 1], 'r', 't')
  local current = redis.call('HMGET', KEYS[2 * i], 'r', 't')
  local pr, pt = tonumber(previous[1]) or 0, tonumber(previous[2]) or 0
  local cr, ct = tonumber(current[1]) or 0, (tonumber(current[2]) or 0) + tonumber(ARGV[3 + 3 * i])
  local rpm, tpm = tonumber(ARGV[1 + 3 * i]), tonumber(ARGV[2 + 3 * i])
  if rpm >= 0 and pr * weight + cr + 1 > rpm then
    reply[1] = 0
  end
  if tpm >= 0 and pt * weight + ct + math.max(1, math.min(estimate, tpm)) > tpm then
    reply[1] = 0
  end
  reply[4 * i - 2], reply[4 * i - 1], reply[4 * i], reply[4 * i + 1] = pr, cr, pt, ct
end
if reply[1] == 1 then
  for i = 1, subjects do
    if tonumber(ARGV[1 + 3 * i]) >= 0 then
      reply[4 * i - 1] = redis.call('HINCRBY', KEYS[2 * i], 'r', 1)
      redis.call('PEXPIRE', KEYS[2 * i], ARGV[3])
    end
  end
end
return reply

-- Raises a period's spend to at least a known total: a seed from the ledger, or what a replica had
-- counted before Redis lost it. It never lowers the counter, so replicas seeding the same total count
-- it once, and a seed older than what the replicas have counted since changes nothing.
-- KEYS[1]: the counter. ARGV: the known total in USD, expiry in epoch seconds (0: never).
-- Returns the total now stored.
local stored = redis.call('GET', KEYS[1])
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return stored
end
redis.call('SET', KEYS[1], ARGV[1])
if ARGV[2] ~= '0' then
  redis.call('EXPIREAT', KEYS[1], ARGV[2])
end
return ARGV[1]

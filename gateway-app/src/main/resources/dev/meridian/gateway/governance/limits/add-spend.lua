-- Adds a cost to a period's spend; the counter expires a day after its period ends.
-- KEYS[1]: the counter. ARGV: cost in USD, expiry in epoch seconds (0: never).
-- Returns the new total.
local total = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
if ARGV[2] ~= '0' then
  redis.call('EXPIREAT', KEYS[1], ARGV[2])
end
return total

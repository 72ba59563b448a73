-- Counts a finished request's tokens in the current-minute bucket of each subject.
-- KEYS: the buckets. ARGV: tokens, bucket TTL in milliseconds.
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], 't', ARGV[1])
  redis.call('PEXPIRE', KEYS[i], ARGV[2])
end
return #KEYS

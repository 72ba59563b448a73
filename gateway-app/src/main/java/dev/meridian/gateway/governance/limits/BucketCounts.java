package dev.meridian.gateway.governance.limits;

/** What one subject's two buckets hold: requests and tokens of the previous and of the current minute. */
record BucketCounts(long previousRequests, long currentRequests, long previousTokens, long currentTokens) {
}

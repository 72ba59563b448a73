package dev.meridian.gateway.governance;

/**
 * A spending cap.
 *
 * @param limitUsd what may be spent in one period
 * @param period {@code daily}, {@code weekly}, {@code monthly} or {@code total}, calendar-aligned in UTC
 */
public record Budget(double limitUsd, String period) {
}

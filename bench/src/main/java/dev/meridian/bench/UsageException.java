package dev.meridian.bench;

/** A command line that cannot be run; reported with the usage text and exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}

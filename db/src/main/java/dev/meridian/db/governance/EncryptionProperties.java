package dev.meridian.db.governance;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys provider credentials are encrypted with.
 *
 * @param encryptionKey 32 random bytes in base64; new and rewritten credentials are encrypted with it.
 * Without it credentials cannot be stored (the gateway still runs).
 * @param encryptionPreviousKeys keys used before, comma-separated: credentials written under them can still
 * be read, and re-encrypted under the current key
 */
@ConfigurationProperties("meridian")
public record EncryptionProperties(@Nullable String encryptionKey, @DefaultValue List<String> encryptionPreviousKeys) {
}

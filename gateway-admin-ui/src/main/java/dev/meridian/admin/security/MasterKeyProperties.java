package dev.meridian.admin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param masterKey bearer key accepted on every API; when unset a random one is generated at start */
@ConfigurationProperties("meridian")
public record MasterKeyProperties(@Nullable String masterKey) {
}

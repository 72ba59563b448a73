package dev.meridian.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The key that is accepted on every API. Without {@code MERIDIAN_MASTER_KEY} a random one is made
 * for this run and logged once, so that a fresh gateway is never open to anyone who finds it.
 */
@Component
@EnableConfigurationProperties(MasterKeyProperties.class)
public class MasterKey {

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private static final String BEARER = "bearer ";

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final byte[] key;

	public MasterKey(MasterKeyProperties properties) {
		String configured = properties.masterKey();
		if (configured == null || configured.isBlank()) {
			configured = generate();
			log.warn("MERIDIAN_MASTER_KEY is not set; the master key for this run is {}", configured);
		}
		this.key = configured.strip().getBytes(StandardCharsets.UTF_8);
	}

	/** Compares in constant time, so response timing reveals nothing about the key. */
	public boolean matches(String candidate) {
		return MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
	}

	/** The key of {@code Authorization: Bearer <key>} or {@code x-api-key}, as the SDKs send it. */
	public static @Nullable String presentedKey(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		String apiKey = headers.getFirst("x-api-key");
		return (apiKey == null) ? null : apiKey.strip();
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder generated = new StringBuilder("sk-meridian-");
		for (int i = 0; i < 40; i++) {
			generated.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return generated.toString();
	}

}

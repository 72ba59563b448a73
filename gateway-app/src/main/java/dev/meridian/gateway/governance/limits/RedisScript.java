package dev.meridian.gateway.governance.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts shipped beside this class. Each connection loads them once; calls name them by
 * their SHA-1 digest ({@code EVALSHA}), and send the text again only when Redis forgot it (a
 * restart).
 */
enum RedisScript {

	ADMIT("admit.lua"), RECORD_TOKENS("record-tokens.lua"), ADD_SPEND("add-spend.lua"),
	RAISE_SPEND("raise-spend.lua");

	private final String source;

	private final String sha;

	RedisScript(String file) {
		try (InputStream in = RedisScript.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("Missing Redis script " + file);
			}
			this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			this.sha = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String source() {
		return source;
	}

	String sha() {
		return sha;
	}

}

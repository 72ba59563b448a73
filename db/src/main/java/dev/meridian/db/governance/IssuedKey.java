package dev.meridian.db.governance;

/**
 * A freshly generated key: the plaintext to hand out once, and what is stored of it.
 *
 * @param hash lowercase hex SHA-256 of the plaintext
 * @param prefix the start of the plaintext followed by an ellipsis
 */
public record IssuedKey(String plaintext, String hash, String prefix) {

	/** Keeps the plaintext out of logs. */
	@Override
	public String toString() {
		return "IssuedKey[" + prefix + "]";
	}

}

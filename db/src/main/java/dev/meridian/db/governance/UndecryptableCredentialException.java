package dev.meridian.db.governance;

/** A stored credential that cannot be decrypted with the configured keys. */
public class UndecryptableCredentialException extends RuntimeException {

	private final String credential;

	public UndecryptableCredentialException(String credential, String why) {
		super("Provider credential '" + credential + "' cannot be decrypted: " + why);
		this.credential = credential;
	}

	public String credential() {
		return credential;
	}

}

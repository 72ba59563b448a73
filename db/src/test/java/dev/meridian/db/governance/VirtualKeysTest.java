package dev.meridian.db.governance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import dev.meridian.db.Sha256;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualKeysTest {

	@Test
	void generatesAMeridianKeyOf32RandomBytesAndStoresOnlyItsHash() {
		IssuedKey key = VirtualKeys.generate();

		assertThat(key.plaintext()).startsWith("sk-mrd-").hasSize(7 + 43).matches("sk-mrd-[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(key.plaintext().substring(7))).hasSize(32);
		assertThat(key.hash()).isEqualTo(VirtualKeys.hash(key.plaintext())).matches("[0-9a-f]{64}");
		assertThat(key.prefix()).isEqualTo(key.plaintext().substring(0, 12) + "…");
		assertThat(key.toString()).doesNotContain(key.plaintext());
	}

	@Test
	void hashIsLowercaseHexSha256OfUtf8() {
		assertThat(VirtualKeys.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(VirtualKeys.hash("sk-mrd-é")).isEqualTo(Sha256.hex("sk-mrd-é".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void everyKeyIsNew() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			keys.add(VirtualKeys.generate().plaintext());
		}
		assertThat(keys).hasSize(1000);
	}

}

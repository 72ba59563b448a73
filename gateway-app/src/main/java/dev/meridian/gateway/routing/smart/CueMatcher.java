package dev.meridian.gateway.routing.smart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds cue words and phrases in text without regular expressions or allocation. Matching is
 * case-insensitive, a whitespace character in a cue matches one whitespace character in the text,
 * and a cue matches whole words unless it ends with {@code *}. Ideographs and kana count as words of
 * their own, so Chinese and Japanese cues match inside unspaced text.
 * <p>
 * The cues of every kind are compiled once into a trie, kept in one open-addressing table keyed by
 * (node, character). Walking it costs a few hash lookups, so the scanner first asks cheaper
 * questions while it reads each word: a bit set of the hashes of the cues' first words (and of the
 * beginnings of {@code *} cues at their lengths) turns almost every word away, and only the rest
 * are walked. Cues that begin with a symbol ({@code \frac}) or an ideograph are looked up by that
 * first character.
 */
final class CueMatcher {

	private static final int NO_KIND = -1;

	private static final int NO_NODE = -1;

	/** Node numbers share an int with a character in the table's keys. */
	static final int MAX_CHARACTERS = 30_000;

	private static final int FILTER_BITS = 1 << 14;

	private static final boolean[] ASCII_WORD = new boolean[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
		}
	}

	/** The children of the root for ASCII characters, looked up directly. */
	private final int[] rootChildren = new int[128];

	/** Open addressing: the key (node and character) at even slots, the child right after it. */
	private final int[] table;

	private final int mask;

	/** Per node: the kind whose cue ends there, or {@link #NO_KIND}. */
	private final byte[] kindAt;

	/** Per node: whether the cue ending there matches any word ending. */
	private final boolean[] prefixAt;

	/** Hashes of the first words of the cues. */
	private final long[] firstWords = new long[FILTER_BITS / 64];

	/** Hashes of the beginnings of one-word {@code *} cues, at their lengths. */
	private final long[] wordBeginnings = new long[FILTER_BITS / 64];

	/** Bit n set: some one-word {@code *} cue has a beginning of n characters (n < 64). */
	private long beginningLengths;

	/** The characters that start a cue by themselves: symbols ({@code \frac}), ideographs, kana. */
	private final long[] firstCharacters = new long[65536 / 64];

	CueMatcher(Map<CueKind, List<String>> cues) {
		int capacity = 16;
		int characters = 0;
		for (List<String> list : cues.values()) {
			for (String cue : list) {
				characters += cue.length();
			}
		}
		if (characters >= MAX_CHARACTERS) {
			throw new IllegalArgumentException("the cue lists are too long: " + characters + " characters, at most "
					+ MAX_CHARACTERS);
		}
		while (capacity < characters * 2) {
			capacity <<= 1;
		}
		this.table = new int[capacity * 2];
		this.mask = capacity - 1;
		this.kindAt = new byte[characters + 1];
		this.prefixAt = new boolean[characters + 1];
		Arrays.fill(table, -1);
		Arrays.fill(rootChildren, NO_NODE);
		Arrays.fill(kindAt, (byte) NO_KIND);
		int nodes = 1;
		for (Map.Entry<CueKind, List<String>> entry : cues.entrySet()) {
			for (String raw : entry.getValue()) {
				String cue = raw.strip().toLowerCase(Locale.ROOT);
				boolean prefix = cue.endsWith("*");
				if (prefix) {
					cue = cue.substring(0, cue.length() - 1);
				}
				if (cue.isEmpty()) {
					continue;
				}
				int node = 0;
				for (int i = 0; i < cue.length(); i++) {
					char c = normalize(cue.charAt(i));
					int child = child(node, c);
					if (child == NO_NODE) {
						child = nodes++;
						put(node, c, child);
					}
					node = child;
				}
				kindAt[node] = (byte) entry.getKey().ordinal();
				prefixAt[node] = prefix;
				indexFirstWord(cue, prefix);
			}
		}
	}

	/** Letters and digits, except ideographs and kana, which stand alone. */
	static boolean isWordChar(char c) {
		if (c < 128) {
			return ASCII_WORD[c];
		}
		return Character.isLetterOrDigit(c) && !Character.isIdeographic(c) && !isKana(c);
	}

	/** The running hash of a word, one normalized character more. */
	static int hashStep(int hash, char normalized) {
		return hash * 31 + normalized;
	}

	static char normalize(char c) {
		if (c < 128) {
			if (c >= 'A' && c <= 'Z') {
				return (char) (c + ('a' - 'A'));
			}
			return (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
		}
		if (c == '\u2019') {
			return '\'';
		}
		return Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c);
	}

	/** Whether a cue may begin with the whole word whose hash this is. */
	boolean mayStartWithWord(int wordHash) {
		return isSet(firstWords, wordHash);
	}

	/** Whether some {@code *} cue has a beginning of {@code length} characters; cheap, asked per letter. */
	boolean hasBeginningsOfLength(int length) {
		return length < 64 && (beginningLengths & (1L << length)) != 0;
	}

	/** Whether a {@code *} cue may begin with the first {@code length} characters whose hash this is. */
	boolean mayStartWithBeginning(int hash, int length) {
		return isSet(wordBeginnings, hash ^ length * 0x5BD1E995);
	}

	/** Whether a cue may begin with this character by itself (a symbol, an ideograph, kana). */
	boolean mayStartWithCharacter(char c) {
		return (firstCharacters[c >>> 6] & (1L << c)) != 0;
	}

	/**
	 * The kind of the longest cue that starts at {@code text[at]} and ends before {@code to}; or -1.
	 * {@code at} must be a word start.
	 */
	int longestAt(char[] text, int at, int to) {
		char c = text[at];
		int child = (c < 128) ? rootChildren[normalize(c)] : child(0, normalize(c));
		if (child == NO_NODE) {
			return NO_KIND;
		}
		int found = NO_KIND;
		int node = child;
		int i = at;
		while (true) {
			int kind = kindAt[node];
			if (kind != NO_KIND && (prefixAt[node] || i + 1 == to || !isWordChar(text[i + 1]) || !isWordChar(text[i]))) {
				found = kind;
			}
			if (++i == to) {
				return found;
			}
			node = child(node, normalize(text[i]));
			if (node == NO_NODE) {
				return found;
			}
		}
	}

	private void indexFirstWord(String cue, boolean prefix) {
		char first = normalize(cue.charAt(0));
		if (!isWordChar(first)) {
			firstCharacters[first >>> 6] |= 1L << first;
			return;
		}
		int hash = 0;
		int length = 0;
		while (length < cue.length() && isWordChar(cue.charAt(length))) {
			hash = hashStep(hash, normalize(cue.charAt(length)));
			length++;
		}
		if (prefix && length == cue.length() && length < 64) {
			beginningLengths |= 1L << length;
			set(wordBeginnings, hash ^ length * 0x5BD1E995);
		}
		else {
			set(firstWords, hash);
		}
	}

	private static void set(long[] bits, int hash) {
		int bit = spread(hash);
		bits[bit >>> 6] |= 1L << bit;
	}

	private static boolean isSet(long[] bits, int hash) {
		int bit = spread(hash);
		return (bits[bit >>> 6] & (1L << bit)) != 0;
	}

	private static int spread(int hash) {
		return (hash * 0x9E3779B9) >>> (32 - 14);
	}

	private static boolean isKana(char c) {
		return c >= 0x3040 && c <= 0x30FF;
	}

	private int child(int node, char c) {
		if (node == 0 && c < 128) {
			return rootChildren[c];
		}
		int key = (node << 16) | c;
		int slot = hash(key) & mask;
		while (true) {
			int present = table[slot << 1];
			if (present == key) {
				return table[(slot << 1) + 1];
			}
			if (present == -1) {
				return NO_NODE;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void put(int node, char c, int child) {
		if (node == 0 && c < 128) {
			rootChildren[c] = child;
			return;
		}
		int key = (node << 16) | c;
		int slot = hash(key) & mask;
		while (table[slot << 1] != -1) {
			slot = (slot + 1) & mask;
		}
		table[slot << 1] = key;
		table[(slot << 1) + 1] = child;
	}

	private static int hash(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 15);
	}

}

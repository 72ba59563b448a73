package dev.meridian.gateway.routing.smart;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds cue words and phrases in text without regular expressions or allocation: the cues of every
 * kind are compiled once into one trie, kept in an open-addressing table keyed by (node, char), and
 * a match is tried only where a word starts. Matching is case-insensitive, any run of whitespace in
 * a cue stands for one whitespace character in the text, and a cue matches whole words unless it
 * ends with {@code *}. Ideographs count as words of their own, so Chinese and Japanese cues match
 * inside unspaced text.
 */
final class CueMatcher {

	private static final int NO_KIND = -1;

	private final long[] keys;

	private final int[] children;

	private final int mask;

	/** Per node: the kind whose cue ends there, or {@link #NO_KIND}. */
	private final byte[] kindAt;

	/** Per node: whether the cue ending there matches any word ending. */
	private final boolean[] prefixAt;

	CueMatcher(Map<CueKind, List<String>> cues) {
		int capacity = 1;
		int characters = 0;
		for (List<String> list : cues.values()) {
			for (String cue : list) {
				characters += cue.length();
			}
		}
		while (capacity < characters * 2 + 2) {
			capacity <<= 1;
		}
		this.keys = new long[capacity];
		this.children = new int[capacity];
		this.mask = capacity - 1;
		this.kindAt = new byte[characters + 1];
		this.prefixAt = new boolean[characters + 1];
		java.util.Arrays.fill(keys, -1L);
		java.util.Arrays.fill(kindAt, (byte) NO_KIND);
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
					if (child < 0) {
						child = nodes++;
						put(node, c, child);
					}
					node = child;
				}
				kindAt[node] = (byte) entry.getKey().ordinal();
				prefixAt[node] = prefix;
			}
		}
	}

	/**
	 * Counts, into {@code counts} by {@link CueKind} ordinal, the longest cue starting at each word
	 * start of {@code text[from, to)}.
	 */
	void count(char[] text, int from, int to, int[] counts) {
		boolean previousIsWord = false;
		for (int i = from; i < to; i++) {
			char c = text[i];
			boolean word = isWordChar(c);
			if (!previousIsWord && !Character.isWhitespace(c)) {
				int kind = longestAt(text, i, to);
				if (kind != NO_KIND) {
					counts[kind]++;
				}
			}
			previousIsWord = word;
		}
	}

	private int longestAt(char[] text, int start, int to) {
		int node = 0;
		int found = NO_KIND;
		for (int i = start; i < to; i++) {
			node = child(node, normalize(text[i]));
			if (node < 0) {
				break;
			}
			int kind = kindAt[node];
			if (kind != NO_KIND && (prefixAt[node] || i + 1 == to || !isWordChar(text[i + 1])
					|| !isWordChar(text[i]))) {
				found = kind;
			}
		}
		return found;
	}

	/** Letters and digits, except ideographs, which stand alone. */
	static boolean isWordChar(char c) {
		if (c < 0x80) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
		}
		return Character.isLetterOrDigit(c) && !Character.isIdeographic(c) && !isKana(c);
	}

	private static boolean isKana(char c) {
		return c >= 0x3040 && c <= 0x30FF;
	}

	private static char normalize(char c) {
		if (c < 0x80) {
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

	private int child(int node, char c) {
		long key = ((long) node << 16) | c;
		int slot = hash(key) & mask;
		while (true) {
			long present = keys[slot];
			if (present == key) {
				return children[slot];
			}
			if (present == -1L) {
				return -1;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void put(int node, char c, int child) {
		long key = ((long) node << 16) | c;
		int slot = hash(key) & mask;
		while (keys[slot] != -1L) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		children[slot] = child;
	}

	private static int hash(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 29));
	}

}

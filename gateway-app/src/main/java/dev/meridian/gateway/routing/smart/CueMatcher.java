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
 * inside unspaced text. Most words start no cue at all: a bit set of the three-letter beginnings of
 * the cues turns them away with three array reads, before the trie is walked.
 */
final class CueMatcher {

	private static final int NO_KIND = -1;

	private static final int NO_NODE = -1;

	/** An empty slot of {@link #entries}: no key is negative. */
	private static final long EMPTY = -1L;

	/** Node numbers share an int with a character in the table's keys. */
	static final int MAX_CHARACTERS = 30_000;

	/** ASCII character classes: letters and digits form words, whitespace separates them. */
	private static final byte OTHER = 0;

	private static final byte WORD = 1;

	private static final byte SPACE = 2;

	private static final byte[] ASCII_CLASS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
			ASCII_CLASS[c] = word ? WORD : (Character.isWhitespace(c) ? SPACE : OTHER);
		}
	}

	/** The children of the root for ASCII characters, looked up directly. */
	private final int[] rootChildren = new int[128];

	/** Letters a-z are 0-25; anything else is 26. */
	private static final byte[] LETTER_INDEX = new byte[128];

	static {
		java.util.Arrays.fill(LETTER_INDEX, (byte) 26);
		for (char c = 'a'; c <= 'z'; c++) {
			LETTER_INDEX[c] = (byte) (c - 'a');
			LETTER_INDEX[c - 'a' + 'A'] = (byte) (c - 'a');
		}
	}

	/** Which three-letter beginnings (27 × 27 × 27, by {@link #LETTER_INDEX}) some cue may start with. */
	private final long[] beginnings = new long[(27 * 27 * 27 + 63) / 64];

	/** The (node, char) key in the high half and the child in the low half: a probe reads one slot. */
	private final long[] entries;

	private final int mask;

	/** Per node: the kind whose cue ends there, or {@link #NO_KIND}. */
	private final byte[] kindAt;

	/** Per node: whether the cue ending there matches any word ending. */
	private final boolean[] prefixAt;

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
		this.entries = new long[capacity];
		this.mask = capacity - 1;
		this.kindAt = new byte[characters + 1];
		this.prefixAt = new boolean[characters + 1];
		java.util.Arrays.fill(entries, EMPTY);
		java.util.Arrays.fill(rootChildren, NO_NODE);
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
					if (child == NO_NODE) {
						child = nodes++;
						put(node, c, child);
					}
					node = child;
				}
				kindAt[node] = (byte) entry.getKey().ordinal();
				prefixAt[node] = prefix;
				markBeginning(cue);
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
			if (c < 128) {
				byte type = ASCII_CLASS[c];
				if (!previousIsWord && type != SPACE && mayBegin(text, i, to)) {
					int child = rootChildren[normalize(c)];
					if (child != NO_NODE) {
						int kind = longestFrom(child, text, i, to);
						if (kind != NO_KIND) {
							counts[kind]++;
						}
					}
				}
				previousIsWord = type == WORD;
			}
			else {
				if (!previousIsWord && !Character.isWhitespace(c)) {
					int child = child(0, normalize(c));
					if (child != NO_NODE) {
						int kind = longestFrom(child, text, i, to);
						if (kind != NO_KIND) {
							counts[kind]++;
						}
					}
				}
				previousIsWord = isWordChar(c);
			}
		}
	}

	/** Whether a cue may start at {@code text[at]}: false for most words, cheaply. */
	private boolean mayBegin(char[] text, int at, int to) {
		int index = letterIndex(text[at]) * 729 + (at + 1 < to ? letterIndex(text[at + 1]) * 27 : 26 * 27)
				+ (at + 2 < to ? letterIndex(text[at + 2]) : 26);
		return (beginnings[index >>> 6] & (1L << index)) != 0;
	}

	private static int letterIndex(char c) {
		return (c < 128) ? LETTER_INDEX[c] : 26;
	}

	/** Marks every beginning the cue may match: all of them past its end, since the text goes on. */
	private void markBeginning(String cue) {
		int[] first = candidates(cue, 0);
		int[] second = candidates(cue, 1);
		int[] third = candidates(cue, 2);
		for (int a : first) {
			for (int b : second) {
				for (int c : third) {
					int index = a * 729 + b * 27 + c;
					beginnings[index >>> 6] |= 1L << index;
				}
			}
		}
	}

	private static int[] candidates(String cue, int position) {
		if (position >= cue.length()) {
			int[] all = new int[27];
			java.util.Arrays.setAll(all, i -> i);
			return all;
		}
		return new int[] { letterIndex(normalize(cue.charAt(position))) };
	}

	/** @param node the node reached by {@code text[start]} */
	private int longestFrom(int node, char[] text, int start, int to) {
		int found = NO_KIND;
		int i = start;
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

	/** Letters and digits, except ideographs, which stand alone. */
	static boolean isWordChar(char c) {
		if (c < 128) {
			return ASCII_CLASS[c] == WORD;
		}
		return Character.isLetterOrDigit(c) && !Character.isIdeographic(c) && !isKana(c);
	}

	private static boolean isKana(char c) {
		return c >= 0x3040 && c <= 0x30FF;
	}

	private static char normalize(char c) {
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

	private int child(int node, char c) {
		if (node == 0 && c < 128) {
			return rootChildren[c];
		}
		int key = (node << 16) | c;
		int slot = hash(key) & mask;
		while (true) {
			long entry = entries[slot];
			if ((int) (entry >>> 32) == key) {
				return (int) entry;
			}
			if (entry == EMPTY) {
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
		while (entries[slot] != EMPTY) {
			slot = (slot + 1) & mask;
		}
		entries[slot] = ((long) key << 32) | child;
	}

	private static int hash(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 15);
	}

}

package dev.meridian.gateway.routing.smart;

/**
 * What the text of one message contains, counted by hand-written scanning in one pass per line:
 * characters by script (for the token estimate and the language), questions, fenced code blocks,
 * code-like lines, list items, arithmetic and math symbols, and cues by kind. Reused from request to
 * request through {@link #reset()}; scanning allocates nothing.
 */
final class TextStats {

	static final int CUE_WINDOW = 600;

	static final double TOKENS_PER_ASCII_WORD_CHAR = 0.23;

	static final double TOKENS_PER_SYMBOL = 0.85;

	static final double TOKENS_PER_NEWLINE = 0;

	static final double TOKENS_PER_CJK = 1.0;

	static final double TOKENS_PER_OTHER_NON_LATIN = 0.4;

	static final double TOKENS_PER_LATIN_EXTENDED = 1.0;

	int characters;

	/** ASCII letters and digits. */
	int asciiWordChars;

	/** ASCII punctuation and symbols. */
	int asciiSymbols;

	int newlines;

	/** Han, kana and Hangul: about one token each. */
	int cjk;

	/** Letters of other non-Latin scripts (Cyrillic, Greek, Arabic, Devanagari, ...). */
	int otherNonLatin;

	/** Latin letters outside ASCII (accented letters). */
	int latinExtended;

	int questions;

	int codeBlocks;

	int codeLines;

	int listItems;

	/** Commas and semicolons outside code. */
	int clauses;

	int mathExpressions;

	final int[] cues = new int[CueKind.values().length];

	private boolean inFence;

	/** Where cue matching stops at the head of the text being scanned, and resumes at its tail. */
	private int headEnd;

	private int tailStart;

	void reset() {
		characters = 0;
		asciiWordChars = 0;
		asciiSymbols = 0;
		newlines = 0;
		cjk = 0;
		otherNonLatin = 0;
		latinExtended = 0;
		questions = 0;
		codeBlocks = 0;
		codeLines = 0;
		listItems = 0;
		clauses = 0;
		mathExpressions = 0;
		java.util.Arrays.fill(cues, 0);
		inFence = false;
	}

	boolean isEmpty() {
		return characters == 0;
	}

	/** Adds the counts of another message, for text that belongs to the same turn. */
	void add(TextStats other) {
		characters += other.characters;
		asciiWordChars += other.asciiWordChars;
		asciiSymbols += other.asciiSymbols;
		newlines += other.newlines;
		cjk += other.cjk;
		otherNonLatin += other.otherNonLatin;
		latinExtended += other.latinExtended;
		questions += other.questions;
		codeBlocks += other.codeBlocks;
		codeLines += other.codeLines;
		listItems += other.listItems;
		clauses += other.clauses;
		mathExpressions += other.mathExpressions;
		for (int i = 0; i < cues.length; i++) {
			cues[i] += other.cues[i];
		}
	}

	/**
	 * Estimated tokens, calibrated against the o200k and cl100k BPE vocabularies: English prose runs
	 * about 4.3 letters per token, punctuation and code symbols nearly one token each, CJK about one
	 * token per character, other non-Latin scripts about 2.5 characters per token.
	 */
	double tokens() {
		return asciiWordChars * TOKENS_PER_ASCII_WORD_CHAR + asciiSymbols * TOKENS_PER_SYMBOL
				+ newlines * TOKENS_PER_NEWLINE + cjk * TOKENS_PER_CJK + otherNonLatin * TOKENS_PER_OTHER_NON_LATIN
				+ latinExtended * TOKENS_PER_LATIN_EXTENDED;
	}

	/** The token estimate of a text that is only counted, not analysed. */
	static double estimateTokens(char[] text, int offset, int length) {
		int wordChars = 0;
		int symbols = 0;
		int newlines = 0;
		int cjk = 0;
		int other = 0;
		int latin = 0;
		for (int i = offset, end = offset + length; i < end; i++) {
			char c = text[i];
			if (c < 0x80) {
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
					wordChars++;
				}
				else if (c == '\n') {
					newlines++;
				}
				else if (c != ' ' && c != '\t' && c != '\r') {
					symbols++;
				}
			}
			else if (isCjk(c)) {
				cjk++;
			}
			else if (!Character.isLetter(c)) {
				symbols += Character.isWhitespace(c) ? 0 : 1;
			}
			else if (isLatin(c)) {
				latin++;
			}
			else {
				other++;
			}
		}
		return wordChars * TOKENS_PER_ASCII_WORD_CHAR + symbols * TOKENS_PER_SYMBOL + newlines * TOKENS_PER_NEWLINE
				+ cjk * TOKENS_PER_CJK + other * TOKENS_PER_OTHER_NON_LATIN + latin * TOKENS_PER_LATIN_EXTENDED;
	}

	/** Share of letters that are not Latin. */
	double nonLatinShare() {
		int nonLatin = cjk + otherNonLatin;
		int letters = asciiWordChars + latinExtended + nonLatin;
		return (letters == 0) ? 0 : (double) nonLatin / letters;
	}

	/**
	 * Scans one piece of text: a message's content, or one text part of it. In a long text, cues are
	 * looked for only in its first and last {@value #CUE_WINDOW} characters, where the instruction
	 * is; what lies between is material pasted for the model (a document, code, a log), whose words
	 * say little about what is asked.
	 */
	void scan(char[] text, int offset, int length, CueMatcher matcher) {
		int end = offset + length;
		int lineStart = offset;
		inFence = false;
		headEnd = offset + Math.min(length, CUE_WINDOW);
		tailStart = Math.max(headEnd, end - CUE_WINDOW);
		for (int i = offset; i <= end; i++) {
			if (i == end || text[i] == '\n') {
				line(text, lineStart, i, matcher);
				if (i < end) {
					newlines++;
				}
				lineStart = i + 1;
			}
		}
		characters += length;
	}

	private void line(char[] text, int start, int end, CueMatcher matcher) {
		int first = start;
		while (first < end && (text[first] == ' ' || text[first] == '\t')) {
			first++;
		}
		int indent = first - start;
		int last = end - 1;
		while (last >= first && (text[last] == ' ' || text[last] == '\t' || text[last] == '\r')) {
			last--;
		}
		if (last >= first + 2 && isFence(text, first)) {
			if (!inFence) {
				codeBlocks++;
			}
			inFence = !inFence;
			countCharacters(text, start, end);
			return;
		}
		if (first > last) {
			countCharacters(text, start, end);
			return;
		}
		boolean code = inFence;
		char lastChar = text[last];
		int mathBefore = mathExpressions;
		int questionsBefore = questions;
		int clausesBefore = clauses;
		boolean parenOrAssign = countCharacters(text, start, end);
		if (!code) {
			code = lastChar == ';' || lastChar == '{' || lastChar == '}'
					|| (lastChar == ':' && last > first && text[last - 1] == ')')
					|| (indent >= 4 && parenOrAssign);
		}
		if (code) {
			// Operators and question marks in code are not arithmetic or questions.
			codeLines++;
			mathExpressions = mathBefore;
			questions = questionsBefore;
			clauses = clausesBefore;
		}
		if (inFence) {
			return;
		}
		if (isListItem(text, first, last)) {
			listItems++;
		}
		int to = last + 1;
		if (first < headEnd) {
			matcher.count(text, first, Math.min(to, headEnd), cues);
		}
		if (to > tailStart) {
			matcher.count(text, Math.max(first, tailStart), to, cues);
		}
	}

	/**
	 * Counts characters by class, questions and arithmetic on one line.
	 *
	 * @return whether the line has a parenthesis or an assignment, as code does
	 */
	private boolean countCharacters(char[] text, int start, int end) {
		boolean parenOrAssign = false;
		char previousSolid = ' ';
		char pendingOperatorLeft = 0;
		for (int i = start; i < end; i++) {
			char c = text[i];
			if (c < 0x80) {
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
					asciiWordChars++;
					if (pendingOperatorLeft != 0 && (isDigit(c) || isDigit(pendingOperatorLeft))) {
						mathExpressions++;
					}
					pendingOperatorLeft = 0;
					previousSolid = c;
					continue;
				}
				if (c == ' ' || c == '\t' || c == '\r') {
					continue;
				}
				asciiSymbols++;
				switch (c) {
					case '?' -> {
						if (previousSolid != '?') {
							questions++;
						}
					}
					case '(', ')' -> parenOrAssign = true;
					case ',', ';' -> clauses++;
					case '=' -> {
						parenOrAssign = true;
						pendingOperatorLeft = operand(previousSolid);
					}
					case '+', '*', '/', '^', '<', '>' -> pendingOperatorLeft = operand(previousSolid);
					default -> pendingOperatorLeft = 0;
				}
				previousSolid = c;
				continue;
			}
			nonAscii(c);
			if (c == '？') {
				questions++;
			}
			else if (c == '，' || c == '、' || c == '；') {
				clauses++;
			}
			else if (isMathSymbol(c)) {
				mathExpressions++;
			}
			pendingOperatorLeft = 0;
			previousSolid = c;
		}
		return parenOrAssign;
	}

	private void nonAscii(char c) {
		if (isCjk(c)) {
			cjk++;
		}
		else if (!Character.isLetter(c)) {
			if (!Character.isWhitespace(c)) {
				asciiSymbols++;
			}
		}
		else if (isLatin(c)) {
			latinExtended++;
		}
		else {
			otherNonLatin++;
		}
	}

	private static boolean isCjk(char c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)
				|| (c >= 0x3400 && c <= 0x4DBF);
	}

	private static boolean isLatin(char c) {
		return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
	}

	/** The left side of an operator, if it can be one of arithmetic: a digit, a letter or ')'. */
	private static char operand(char previous) {
		return (isDigit(previous) || previous == ')' || (previous >= 'a' && previous <= 'z')
				|| (previous >= 'A' && previous <= 'Z')) ? (previous == ')' ? '0' : previous) : 0;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isMathSymbol(char c) {
		return switch (c) {
			case '∑', '∫', '√', 'π', '∞', '∂', '∇', '≈', '≡', '∀', '∃', '∈', 'ℝ', 'ℕ', 'ℤ', '≤', '≥', '≠', '±', '×', '÷',
					'²', '³', 'θ', 'λ', 'σ', 'μ', '∏', '⊂', '⊆', '∪', '∩', '→', '⇒', '⇔' -> true;
			default -> false;
		};
	}

	private static boolean isFence(char[] text, int at) {
		char c = text[at];
		return (c == '`' || c == '~') && text[at + 1] == c && text[at + 2] == c;
	}

	/** {@code 1. }, {@code 2) }, {@code - }, {@code * } or {@code • } at the start of a line. */
	private static boolean isListItem(char[] text, int first, int last) {
		char c = text[first];
		if ((c == '-' || c == '*' || c == '•') && first < last && text[first + 1] == ' ') {
			return true;
		}
		int i = first;
		while (i <= last && i - first < 3 && isDigit(text[i])) {
			i++;
		}
		return i > first && i < last && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ';
	}

}

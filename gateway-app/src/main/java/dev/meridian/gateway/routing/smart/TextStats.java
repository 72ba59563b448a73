package dev.meridian.gateway.routing.smart;

/**
 * What the text of one message contains, counted by hand-written scanning in one pass per line:
 * characters by script (for the token estimate and the language), questions, fenced code blocks,
 * code-like lines, list items, arithmetic and math symbols, and cues by kind. Reused from message to
 * message through {@link #reset()}; scanning allocates nothing.
 */
final class TextStats {

	static final int CUE_WINDOW = 600;

	private static final int CUE_KINDS = CueKind.values().length;

	static final double TOKENS_PER_ASCII_WORD_CHAR = 0.23;

	static final double TOKENS_PER_SYMBOL = 0.85;

	/** Free: a tokenizer merges a newline with the indentation that follows it (the fit even came out negative). */
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

	final int[] cues = new int[CUE_KINDS];

	private boolean inFence;

	/** Where cue matching stops at the head of the text being scanned, and resumes at its tail. */
	private int headEnd;

	private int tailStart;

	/** The line being scanned: first and last non-blank characters (-1 when blank), and its counts. */
	private int lineFirst;

	private int lineLast;

	private boolean lineParenOrAssign;

	private int lineMath;

	private int lineQuestions;

	private int lineClauses;

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
		inFence = false;
		headEnd = offset + Math.min(length, CUE_WINDOW);
		tailStart = Math.max(headEnd, end - CUE_WINDOW);
		int lineStart = offset;
		while (true) {
			int lineEnd = countLine(text, lineStart, end);
			line(text, lineStart, lineEnd, matcher);
			if (lineEnd == end) {
				break;
			}
			newlines++;
			lineStart = lineEnd + 1;
		}
		characters += length;
	}

	/** What the line ending at {@code end} is: a fence, code, a list item, prose; and its cues. */
	private void line(char[] text, int start, int end, CueMatcher matcher) {
		int first = lineFirst;
		int last = lineLast;
		if (first < 0) {
			return;
		}
		if (last >= first + 2 && isFence(text, first)) {
			if (!inFence) {
				codeBlocks++;
			}
			inFence = !inFence;
			return;
		}
		boolean code = inFence;
		if (!code) {
			char lastChar = text[last];
			code = lastChar == ';' || lastChar == '{' || lastChar == '}'
					|| (lastChar == ':' && last > first && text[last - 1] == ')')
					|| (first - start >= 4 && lineParenOrAssign);
		}
		if (code) {
			// Operators, question marks and commas in code are not arithmetic, questions or clauses.
			codeLines++;
			if (inFence) {
				return;
			}
		}
		else {
			mathExpressions += lineMath;
			questions += lineQuestions;
			clauses += lineClauses;
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
	 * Counts the characters of one line by class, and its arithmetic, questions and clauses (kept
	 * apart until the line is known not to be code). The counts are kept in locals while the line is
	 * read, and stored once at its end: an increment of a field per character goes through memory.
	 *
	 * @return the index of the line's newline, or {@code end}
	 */
	private int countLine(char[] text, int start, int end) {
		int wordChars = 0;
		int symbols = 0;
		int first = -1;
		int last = -1;
		boolean parenOrAssign = false;
		int math = 0;
		int questionMarks = 0;
		int commas = 0;
		char previousSolid = ' ';
		char pendingOperatorLeft = 0;
		int i = start;
		for (; i < end; i++) {
			char c = text[i];
			if (c < 0x80) {
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
					wordChars++;
					if (pendingOperatorLeft != 0 && (isDigit(c) || isDigit(pendingOperatorLeft))) {
						math++;
					}
					pendingOperatorLeft = 0;
					previousSolid = c;
					if (first < 0) {
						first = i;
					}
					last = i;
					continue;
				}
				if (c == ' ' || c == '\t' || c == '\r') {
					continue;
				}
				if (c == '\n') {
					break;
				}
				symbols++;
				switch (c) {
					case '?' -> {
						if (previousSolid != '?') {
							questionMarks++;
						}
						pendingOperatorLeft = 0;
					}
					case '(', ')' -> {
						parenOrAssign = true;
						pendingOperatorLeft = 0;
					}
					case ',', ';' -> {
						commas++;
						pendingOperatorLeft = 0;
					}
					case '=' -> {
						parenOrAssign = true;
						pendingOperatorLeft = operand(previousSolid);
					}
					case '+', '*', '/', '^', '<', '>' -> pendingOperatorLeft = operand(previousSolid);
					default -> pendingOperatorLeft = 0;
				}
			}
			else {
				nonAscii(c);
				if (Character.isWhitespace(c)) {
					continue;
				}
				if (c == '？') {
					questionMarks++;
				}
				else if (c == '，' || c == '、' || c == '；') {
					commas++;
				}
				else if (isMathSymbol(c)) {
					math++;
				}
				pendingOperatorLeft = 0;
			}
			previousSolid = c;
			if (first < 0) {
				first = i;
			}
			last = i;
		}
		asciiWordChars += wordChars;
		asciiSymbols += symbols;
		lineFirst = first;
		lineLast = last;
		lineParenOrAssign = parenOrAssign;
		lineMath = math;
		lineQuestions = questionMarks;
		lineClauses = commas;
		return i;
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

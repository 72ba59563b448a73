package dev.meridian.gateway.routing.smart;

/**
 * What the text of one message contains, counted by hand-written scanning in one pass per line:
 * characters by script (for the token estimate and the language), questions, fenced code blocks,
 * code-like lines, list items, arithmetic and math symbols, and cues by kind. Reused from request to
 * request through {@link #reset()}; scanning allocates nothing.
 */
final class TextStats {

	static final int CUE_WINDOW = 600;

	private static final int CUE_KINDS = CueKind.values().length;

	/** Classes of ASCII characters for the line scanner. */
	private static final byte OTHER = 0;

	private static final byte LETTER_OR_DIGIT = 1;

	private static final byte BLANK = 2;

	private static final byte NEWLINE = 3;

	private static final byte QUESTION = 4;

	private static final byte PAREN = 5;

	private static final byte CLAUSE = 6;

	private static final byte ASSIGN = 7;

	private static final byte OPERATOR = 8;

	/** Not a class of the table: any character from U+0080 up that is not whitespace. */
	private static final byte NON_ASCII = 9;

	private static final byte[] ASCII_TYPE = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			byte type = OTHER;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
				type = LETTER_OR_DIGIT;
			}
			else if (c == ' ' || c == '\t' || c == '\r') {
				type = BLANK;
			}
			else if (c == '\n') {
				type = NEWLINE;
			}
			else if (c == '?') {
				type = QUESTION;
			}
			else if (c == '(' || c == ')') {
				type = PAREN;
			}
			else if (c == ',' || c == ';') {
				type = CLAUSE;
			}
			else if (c == '=') {
				type = ASSIGN;
			}
			else if (c == '+' || c == '*' || c == '/' || c == '^' || c == '<' || c == '>') {
				type = OPERATOR;
			}
			ASCII_TYPE[c] = type;
		}
	}

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

	/** Word starts on the line where a cue may begin. */
	private int[] candidates = new int[32];

	private int candidateCount;

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
		inFence = false;
		headEnd = offset + Math.min(length, CUE_WINDOW);
		tailStart = Math.max(headEnd, end - CUE_WINDOW);
		int lineStart = offset;
		while (true) {
			int lineEnd = countLine(text, lineStart, end, matcher);
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
		for (int k = 0; k < candidateCount; k++) {
			int kind = matcher.longestAt(text, candidates[k], end);
			if (kind >= 0) {
				cues[kind]++;
			}
		}
	}

	/**
	 * Counts the characters of one line by class, and its arithmetic, questions and clauses (kept
	 * apart until the line is known not to be code); and notes where a cue may start, asking the
	 * matcher's cheap questions word by word (outside code blocks, inside the cue windows).
	 * Counts are kept in locals while scanning.
	 *
	 * @return the index of the line's newline, or {@code end}
	 */
	private int countLine(char[] text, int start, int end, CueMatcher matcher) {
		candidateCount = 0;
		boolean cuesWanted = !inFence && (start < headEnd || end > tailStart);
		int i = start;
		while (i < end && (text[i] == ' ' || text[i] == '\t')) {
			i++;
		}
		lineFirst = -1;
		lineLast = -1;
		int words = 0;
		int symbols = 0;
		int math = 0;
		int questionMarks = 0;
		int commas = 0;
		boolean parenOrAssign = false;
		int last = -1;
		char previousSolid = ' ';
		char pendingOperatorLeft = 0;
		boolean inWord = false;
		int wordStart = 0;
		int wordHash = 0;
		int wordLength = 0;
		boolean wordNoted = false;
		for (; i < end; i++) {
			char c = text[i];
			char wordChar = 0;
			byte type;
			if (c < 0x80) {
				type = ASCII_TYPE[c];
				if (type == LETTER_OR_DIGIT) {
					words++;
					if (pendingOperatorLeft != 0) {
						if (isDigit(c) || isDigit(pendingOperatorLeft)) {
							math++;
						}
						pendingOperatorLeft = 0;
					}
					previousSolid = c;
					last = i;
					if (!cuesWanted) {
						continue;
					}
					wordChar = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
				}
			}
			else {
				nonAscii(c);
				type = Character.isWhitespace(c) ? BLANK : NON_ASCII;
				if (cuesWanted && type == NON_ASCII && CueMatcher.isWordChar(c)) {
					wordChar = CueMatcher.normalize(c);
				}
			}
			if (wordChar != 0) {
				if (!inWord) {
					inWord = true;
					wordStart = i;
					wordHash = 0;
					wordLength = 0;
					wordNoted = false;
				}
				wordHash = CueMatcher.hashStep(wordHash, wordChar);
				wordLength++;
				if (!wordNoted && matcher.hasBeginningsOfLength(wordLength)
						&& matcher.mayStartWithBeginning(wordHash, wordLength)) {
					candidate(wordStart);
					wordNoted = true;
				}
				if (type == LETTER_OR_DIGIT) {
					continue;
				}
			}
			else {
				if (inWord) {
					if (!wordNoted && matcher.mayStartWithWord(wordHash)) {
						candidate(wordStart);
					}
					inWord = false;
				}
				if (type == BLANK) {
					continue;
				}
				if (type == NEWLINE) {
					break;
				}
				if (cuesWanted && matcher.mayStartWithCharacter(c)) {
					candidate(i);
				}
			}
			if (type == NON_ASCII) {
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
			else {
				symbols++;
				switch (type) {
					case QUESTION -> {
						if (previousSolid != '?') {
							questionMarks++;
						}
						pendingOperatorLeft = 0;
					}
					case PAREN -> {
						parenOrAssign = true;
						pendingOperatorLeft = 0;
					}
					case CLAUSE -> {
						commas++;
						pendingOperatorLeft = 0;
					}
					case ASSIGN -> {
						parenOrAssign = true;
						pendingOperatorLeft = operand(previousSolid);
					}
					case OPERATOR -> pendingOperatorLeft = operand(previousSolid);
					default -> pendingOperatorLeft = 0;
				}
			}
			previousSolid = c;
			last = i;
		}
		if (inWord && !wordNoted && matcher.mayStartWithWord(wordHash)) {
			candidate(wordStart);
		}
		asciiWordChars += words;
		asciiSymbols += symbols;
		if (last >= 0) {
			lineFirst = start + countBlanks(text, start, last);
			lineLast = last;
		}
		lineMath = math;
		lineQuestions = questionMarks;
		lineClauses = commas;
		lineParenOrAssign = parenOrAssign;
		return i;
	}

	/** Remembers a word start where a cue may begin, if it lies in a cue window. */
	private void candidate(int at) {
		if (at < headEnd || at >= tailStart) {
			if (candidateCount == candidates.length) {
				candidates = java.util.Arrays.copyOf(candidates, candidateCount * 2);
			}
			candidates[candidateCount++] = at;
		}
	}

	private static int countBlanks(char[] text, int start, int last) {
		int i = start;
		while (i < last && (text[i] == ' ' || text[i] == '\t')) {
			i++;
		}
		return i - start;
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

package dev.meridian.gateway.routing.smart;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of words and phrases the classifier looks for, each with its default list, written as
 * {@code routing.smart.cues.<kind>}. A cue matches whole words, case-insensitively; a trailing
 * {@code *} matches any ending ({@code deriv*} matches "derive" and "derivation").
 */
public enum CueKind {

	/** Asking for careful, checkable thought: proofs, derivations, puzzles. */
	REASONING(List.of("prove", "proof", "proofs", "disprove", "step by step", "step-by-step", "deriv*", "rigorous*",
			"justify", "counterexample*", "reason about", "reasoning", "think carefully", "reason carefully",
			"think through", "induction", "contradiction", "puzzle", "riddle", "paradox", "deduce", "logically",
			"formally", "expected number", "expected value", "probability", "how many ways", "in how many ways",
			"who is telling the truth", "is it possible", "perfect play", "démontre*", "prouve*", "beweise*",
			"demuestra*", "докажите", "докажи", "证明", "推导", "証明")),

	/** Asking for thorough or large work: designs, plans, analyses, production-grade code. */
	SCOPE(List.of("design", "architecture", "architect", "detailed", "comprehensive", "in depth", "in-depth",
			"production", "production-ready", "scalable", "scale", "robust", "end-to-end", "migrat*", "strategy",
			"roadmap", "curriculum", "business plan", "trade-off*", "tradeoff*", "trade off*", "pros and cons",
			"analyze", "analyse", "analysis", "evaluate", "assess", "review", "investigat*", "root cause",
			"prioritiz*", "prioritis*", "recommend*", "propose", "failure", "failover", "security", "threat*",
			"performance", "optimi*", "edge cases", "race condition*", "concurren*", "thread-safe", "distributed",
			"microservice*", "multi-tenant", "million", "millions", "tests", "unit tests", "test suite", "refactor*",
			"redesign", "methodology", "implications", "consider", "constraints", "risks")),

	/** Programming work. */
	CODE(List.of("code", "coding", "function", "functions", "implement*", "debug*", "bug", "bugs", "compile*",
			"stack trace", "traceback", "exception", "error", "typeerror", "segfault", "regex", "sql", "query",
			"api", "endpoint*", "class", "method", "python", "javascript", "typescript", "java", "kotlin", "golang",
			"go", "rust", "c++", "c#", "ruby", "php", "bash", "script", "algorithm*", "pytest", "junit", "dockerfile",
			"docker", "kubernetes", "react", "django", "spring boot", "express", "postgres*", "mysql", "redis",
			"database", "schema", "index", "json", "yaml", "csv", "cli", "git", "github", "repository", "codebase",
			"recursion", "async", "asyncio", "thread*", "cache", "linked list", "binary tree", "hash map", "big-o",
			"time complexity", "complexity", "leetcode", "deploy*", "ci", "pipeline")),

	/** Mathematics beyond arithmetic. */
	MATH(List.of("integral", "integrate", "derivative", "differentiate", "equation*", "matrix", "matrices",
			"eigen*", "determinant", "polynomial*", "variance", "theorem", "lemma", "corollary", "converge*",
			"diverge*", "limit", "series", "prime", "primes", "modulo", "modular", "remainder", "logarithm*",
			"vector*", "calculus", "algebra*", "geometry", "triangle", "hypotenuse", "combinatori*", "permutation*",
			"factorial", "fibonacci", "bayes*", "solve for", "quadratic", "irrational", "inequality", "divisible",
			"integer", "integers", "real numbers", "recurrence", "\\frac", "\\int", "\\sum", "\\sqrt", "\\lim",
			"\\binom", "mod")),

	/** Asking for content: writing, explaining, planning. */
	TASK(List.of("write", "explain", "describe", "draft", "create", "compose", "generate", "summarize",
			"summarise", "summary", "outline", "plan", "suggest", "compare", "list", "build", "make",
			"tell me about", "teach", "help me", "how does", "how do", "what are the",
			"difference between", "differences between", "translate this", "story", "poem", "email",
			"letter", "essay", "itinerary", "template", "set up", "configure", "add", "rewrite this",
			"erkläre", "explique", "escribe", "écris", "解释", "説明", "объясни")),

	/** Sequencing words of a multi-step instruction. */
	MULTI_STEP(List.of("first", "then", "next", "after that", "afterwards", "finally", "lastly", "second",
			"third", "step", "steps", "followed by", "once that", "before that", "and then")),

	/** Small talk and quick lookups that any model answers well. */
	SIMPLE(List.of("hi", "hello", "hey", "thanks", "thank you", "good morning", "good night", "how are you",
			"what's up", "lol", "joke", "fun fact", "capital of", "who is", "who was", "who wrote", "who won",
			"who painted", "what is the", "what's the", "what does", "when was", "when did", "how many", "how tall",
			"how old", "define", "definition of", "synonym*", "antonym*", "spell", "rhymes", "plural", "opposite of",
			"fix the grammar", "correct the spelling", "capitalize", "shorten", "shorter", "tl;dr", "tldr",
			"one sentence", "one-sentence", "one word", "yes or no", "bonjour", "hola", "hallo", "merci", "gracias",
			"danke", "привет", "你好", "谢谢", "こんにちは", "ありがとう", "안녕하세요"));

	private final List<String> defaults;

	CueKind(List<String> defaults) {
		this.defaults = defaults;
	}

	public List<String> defaults() {
		return defaults;
	}

	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable CueKind fromName(String name) {
		for (CueKind kind : values()) {
			if (kind.configName().equals(name)) {
				return kind;
			}
		}
		return null;
	}

}

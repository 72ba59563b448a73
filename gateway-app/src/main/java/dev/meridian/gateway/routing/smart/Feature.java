package dev.meridian.gateway.routing.smart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the classifier measures in a request. Each feature has a raw value (a count, a share, an
 * estimate of tokens) and a signal between 0 and 1 derived from it by a fixed saturation, so that
 * weights compare like with like: a feature contributes {@code weight × signal} to the score.
 * Everything but the context features is measured on the last user message.
 */
public enum Feature {

	/** Estimated tokens of the last user message; signal on a log scale, 0 at 32 tokens, 1 at 4,096. */
	TOKENS(0.3),

	/** Estimated tokens of earlier turns, tool calls and results, and tool definitions; 0 at 256, 1 at 32,768. */
	CONTEXT_TOKENS(0.5),

	/** Fenced code blocks (```); signal 1 from one block. */
	CODE_BLOCKS(0.7),

	/** Lines that look like code, fenced or not; signal 1 from 20 lines. */
	CODE_LINES(0.3),

	/** Programming words (function, refactor, stack trace, SQL, ...); signal 1 from 3. */
	CODE_CUES(1.0),

	/** Arithmetic between numbers, math symbols and math words (integral, eigenvalue, ...); signal 1 from 4. */
	MATH(1.5),

	/** Words that ask for careful, checkable thought (prove, derive, step by step, puzzle, ...); signal 1 from 2. */
	REASONING_CUES(7.0),

	/** Words that ask for thorough or large work (design, trade-offs, production-ready, analyze, ...); signal 1 from 3. */
	SCOPE_CUES(1.5),

	/** Words that ask for content (write, explain, plan, compare, ...); signal 1 from 2. */
	TASK_CUES(0.35),

	/** Commas and semicolons in prose: a request that spells out many requirements; signal 1 from 8. */
	CLAUSES(0.4),

	/** List items (1., -, *) and sequencing words (first, then, finally, ...); signal 1 from 6. */
	MULTI_STEP(0.2),

	/** Question marks; a single question is the normal case, so signal 0 for one, 1 from four. */
	QUESTIONS(0.1),

	/** Messages before the last user message; signal 1 from 12. */
	CONVERSATION_DEPTH(0.35),

	/** Estimated tokens of the system prompt or instructions; 0 at 64, 1 at 2,048. */
	SYSTEM_PROMPT_TOKENS(0.25),

	/** Tools offered to the model; signal 1 from 3. */
	TOOLS(1.4),

	/** 1 for {@code json_object}, 2 for a JSON schema ({@code response_format} or {@code text.format}); signal value / 2. */
	STRUCTURED_OUTPUT(0.65),

	/** Images in the request; signal 1 from 2. */
	IMAGES(0.75),

	/** Share of the last user message's letters that are not Latin (CJK, Cyrillic, Arabic, ...); signal = value. */
	NON_LATIN(0.3),

	/** Small talk and quick lookups (hello, thanks, translate, capital of, ...); signal 1 from 2. Negative weight. */
	SIMPLE_CUES(-1.0);

	private static final List<String> NAMES = Arrays.stream(values()).map(Feature::configName).toList();

	/** Every feature, without the copy that {@code values()} makes on each call. */
	static final List<Feature> ALL = List.of(values());

	private final double defaultWeight;

	Feature(double defaultWeight) {
		this.defaultWeight = defaultWeight;
	}

	public double defaultWeight() {
		return defaultWeight;
	}

	/** As written under {@code routing.smart.weights} and in explanations. */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable Feature fromName(String name) {
		for (Feature feature : values()) {
			if (feature.configName().equals(name)) {
				return feature;
			}
		}
		return null;
	}

	public static List<String> configNames() {
		return NAMES;
	}

	/** The value brought to the 0..1 scale the weights apply to. */
	double signal(double value) {
		return switch (this) {
			case TOKENS -> logScale(value, 32, 4096);
			case CONTEXT_TOKENS -> logScale(value, 256, 32_768);
			case SYSTEM_PROMPT_TOKENS -> logScale(value, 64, 2048);
			case CODE_BLOCKS -> Math.min(1, value);
			case CODE_LINES -> Math.min(1, value / 20);
			case CODE_CUES, TOOLS -> Math.min(1, value / 3);
			case SCOPE_CUES -> Math.min(1, value / 4);
			case CLAUSES -> Math.min(1, value / 8);
			case REASONING_CUES, TASK_CUES -> Math.min(1, value / 2);
			case MATH -> Math.min(1, value / 4);
			case MULTI_STEP -> Math.min(1, value / 6);
			case QUESTIONS -> Math.min(1, Math.max(0, value - 1) / 3);
			case CONVERSATION_DEPTH -> Math.min(1, value / 12);
			case STRUCTURED_OUTPUT -> Math.min(1, value / 2);
			case IMAGES, SIMPLE_CUES -> Math.min(1, value / 2);
			case NON_LATIN -> Math.min(1, value);
		};
	}

	private static double logScale(double value, double zeroAt, double oneAt) {
		if (value <= zeroAt) {
			return 0;
		}
		return Math.min(1, Math.log(value / zeroAt) / Math.log(oneAt / zeroAt));
	}

}

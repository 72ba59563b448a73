package dev.meridian.gateway.provider.gemini;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.meridian.gateway.error.GatewayException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the JSON Schema of an OpenAI tool into the OpenAPI subset that Gemini's
 * {@code FunctionDeclaration.parameters} accepts. Gemini rejects the whole request on any keyword
 * its Schema object does not define ({@code additionalProperties}, {@code $schema}, {@code strict},
 * {@code allOf}, ...), knows no {@code "null"} type and no references, so those are dropped, turned
 * into {@code nullable}, or inlined.
 */
final class GeminiSchema {

	/** The fields of Gemini's Schema object that are copied as they are. */
	private static final Set<String> COPIED = Set.of("format", "title", "description", "nullable",
			"maxItems", "minItems", "required", "minProperties", "maxProperties", "minLength",
			"maxLength", "pattern", "example", "propertyOrdering", "default", "minimum", "maximum");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private GeminiSchema() {
	}

	static ObjectNode toGemini(JsonNode jsonSchema) {
		ObjectNode definitions = JSON.objectNode();
		copyDefinitions(jsonSchema.path("definitions"), definitions);
		copyDefinitions(jsonSchema.path("$defs"), definitions);
		return convert(jsonSchema, definitions, new ArrayDeque<>());
	}

	private static void copyDefinitions(JsonNode from, ObjectNode to) {
		if (from.isObject()) {
			from.properties().forEach(e -> to.set(e.getKey(), e.getValue()));
		}
	}

	private static ObjectNode convert(JsonNode schema, ObjectNode definitions, Deque<String> expanding) {
		ObjectNode out = JSON.objectNode();
		if (!schema.isObject()) {
			return out;
		}
		if (schema.path("$ref").isString()) {
			return inline(schema, definitions, expanding);
		}
		for (var entry : schema.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			switch (key) {
				case "type" -> putType(value, out);
				case "properties" -> putProperties(value, definitions, expanding, out);
				case "items" -> out.set("items", convert(value, definitions, expanding));
				case "anyOf", "oneOf" -> putAlternatives(value, definitions, expanding, out);
				case "enum" -> putEnum(value, out);
				case "const" -> out.putArray("enum").add(value.asString());
				default -> {
					if (COPIED.contains(key)) {
						out.set(key, value);
					}
				}
			}
		}
		return out;
	}

	/** Gemini has no references: the definition is copied in place; a recursive one stops at an open object. */
	private static ObjectNode inline(JsonNode schema, ObjectNode definitions, Deque<String> expanding) {
		String ref = schema.get("$ref").asString();
		String name = ref.substring(ref.lastIndexOf('/') + 1);
		JsonNode target = definitions.get(name);
		if (target == null) {
			throw GatewayException.invalidValue("Tool schema reference " + ref + " is not defined");
		}
		if (expanding.contains(name)) {
			return JSON.objectNode().put("type", "OBJECT");
		}
		expanding.push(name);
		ObjectNode out = convert(target, definitions, expanding);
		expanding.pop();
		if (schema.has("description")) {
			out.set("description", schema.get("description"));
		}
		return out;
	}

	/** {@code ["string","null"]} becomes a nullable STRING; several real types become {@code anyOf}. */
	private static void putType(JsonNode type, ObjectNode out) {
		List<String> types = new ArrayList<>();
		if (type.isArray()) {
			type.values().forEach(t -> types.add(t.asString()));
		} else {
			types.add(type.asString());
		}
		if (types.remove("null")) {
			out.put("nullable", true);
		}
		if (types.size() == 1) {
			out.put("type", types.getFirst().toUpperCase(Locale.ROOT));
		} else if (types.size() > 1) {
			ArrayNode anyOf = out.putArray("anyOf");
			types.forEach(t -> anyOf.addObject().put("type", t.toUpperCase(Locale.ROOT)));
		}
	}

	private static void putProperties(JsonNode properties, ObjectNode definitions, Deque<String> expanding,
			ObjectNode out) {
		if (!properties.isObject() || properties.isEmpty()) {
			return;
		}
		ObjectNode converted = out.putObject("properties");
		properties.properties().forEach(e -> converted.set(e.getKey(), convert(e.getValue(), definitions, expanding)));
	}

	/** {@code {"type":"null"}} alternatives become {@code nullable}; a single remaining one is merged in. */
	private static void putAlternatives(JsonNode alternatives, ObjectNode definitions, Deque<String> expanding,
			ObjectNode out) {
		ArrayNode kept = JSON.arrayNode();
		for (JsonNode alternative : alternatives.values()) {
			if (alternative.path("type").asString("").equals("null")) {
				out.put("nullable", true);
			} else {
				kept.add(convert(alternative, definitions, expanding));
			}
		}
		if (kept.size() == 1) {
			kept.get(0).properties().forEach(e -> out.set(e.getKey(), e.getValue()));
		} else if (!kept.isEmpty()) {
			out.set("anyOf", kept);
		}
	}

	/** Gemini enums are strings; a null member means the value may be absent. */
	private static void putEnum(JsonNode values, ObjectNode out) {
		ArrayNode strings = out.putArray("enum");
		for (JsonNode value : values.values()) {
			if (value.isNull()) {
				out.put("nullable", true);
			} else {
				strings.add(value.asString());
			}
		}
	}
}

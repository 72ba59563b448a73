package dev.meridian.gateway.provider.gemini;

import static dev.meridian.gateway.provider.gemini.GeminiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeminiSchemaTest {

	@Test
	void referencesAreInlinedAndKeywordsGeminiRejectsAreDropped() {
		var schema = GeminiSchema.toGemini(json("""
				{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				 "$defs": {"Address": {"type": "object", "properties": {"city": {"type": "string"}},
									   "required": ["city"], "additionalProperties": false}},
				 "properties": {"home": {"$ref": "#/$defs/Address", "description": "Where they live"},
								"tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}},
				 "additionalProperties": false}
				"""));

		assertThat(schema).isEqualTo(json("""
				{"type": "OBJECT", "properties": {
				  "home": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"],
						   "description": "Where they live"},
				  "tags": {"type": "ARRAY", "items": {"type": "STRING"}}}}
				"""));
	}

	@Test
	void nullTypesBecomeNullable() {
		var schema = GeminiSchema.toGemini(json("""
				{"type": "object", "properties": {
				  "nickname": {"type": ["string", "null"]},
				  "age": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]},
				  "id": {"type": ["string", "integer"]},
				  "size": {"enum": ["S", "M", null]},
				  "kind": {"const": "person"}}}
				"""));

		assertThat(schema.get("properties")).isEqualTo(json("""
				{"nickname": {"nullable": true, "type": "STRING"},
				 "age": {"nullable": true, "type": "INTEGER", "minimum": 0},
				 "id": {"anyOf": [{"type": "STRING"}, {"type": "INTEGER"}]},
				 "size": {"enum": ["S", "M"], "nullable": true},
				 "kind": {"enum": ["person"]}}
				"""));
	}

	@Test
	void recursiveReferencesStopAtAnOpenObject() {
		var schema = GeminiSchema.toGemini(json("""
				{"type": "object", "properties": {"root": {"$ref": "#/definitions/Node"}},
				 "definitions": {"Node": {"type": "object", "properties": {
				   "name": {"type": "string"}, "child": {"$ref": "#/definitions/Node"}}}}}
				"""));

		assertThat(schema.at("/properties/root/properties/child")).isEqualTo(json("""
				{"type": "OBJECT"}
				"""));
		assertThat(schema.at("/properties/root/properties/name/type").asString()).isEqualTo("STRING");
	}

	@Test
	void undefinedReferencesAreABadRequest() {
		assertThatThrownBy(() -> GeminiSchema.toGemini(json("""
				{"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing"}}}
				""")))
				.isInstanceOfSatisfying(GeminiTranslationException.class, e -> assertThat(e.status()).isEqualTo(400))
				.hasMessageContaining("#/$defs/Missing");
	}
}

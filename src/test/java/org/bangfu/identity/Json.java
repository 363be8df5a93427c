package org.bangfu.identity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads API answers in tests. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode read(String body) {
		return MAPPER.readTree(body);
	}

}

package org.bangfu.identification;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An example household and the outcome the rule set must give it. Facts not named are 0 (or
 * no); standards are given in their kind's basis (e.g. dibao_urban per month); a standard
 * not given is 'not set' (a row that needs it makes the case UNDECIDED).
 */
public record TestCase(@NotBlank(message = "{identification.case.name.required}") @Size(max = 200, message = "{identification.text.size}") String name,
		Map<String, Object> facts, Map<String, BigDecimal> standards,
		@NotBlank(message = "{identification.case.expected.required}") String expected) {
}

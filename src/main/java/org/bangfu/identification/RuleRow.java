package org.bangfu.identification;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One row of a decision table: when the condition holds, the household gets the outcome (a code and its label). */
public record RuleRow(@NotBlank(message = "{identification.rule.condition.required}") @Size(max = 1000, message = "{identification.text.size}") String condition,
		@NotBlank(message = "{identification.rule.outcome.required}") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,29}", message = "{identification.rule.outcome.pattern}") String outcome,
		@NotBlank(message = "{identification.rule.label.required}") @Size(max = 100, message = "{identification.text.size}") String labelZh,
		@NotBlank(message = "{identification.rule.label.required}") @Size(max = 100, message = "{identification.text.size}") String labelEn) {

	public String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
	}

}

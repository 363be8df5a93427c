package org.bangfu.identification;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator edits: names, the ordered rows, the default outcome and the test cases. */
public record RuleSetContent(
		@NotBlank(message = "{identification.ruleSet.name.required}") @Size(max = 100, message = "{identification.text.size}") String nameZh,
		@NotBlank(message = "{identification.ruleSet.name.required}") @Size(max = 100, message = "{identification.text.size}") String nameEn,
		@Size(max = 2000, message = "{identification.text.size}") String description,
		@NotEmpty(message = "{identification.ruleSet.rows.required}") @Size(max = 50, message = "{identification.ruleSet.rows.size}") List<@Valid RuleRow> rows,
		@NotBlank(message = "{identification.rule.outcome.required}") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,29}", message = "{identification.rule.outcome.pattern}") String defaultOutcome,
		@NotBlank(message = "{identification.rule.label.required}") @Size(max = 100, message = "{identification.text.size}") String defaultLabelZh,
		@NotBlank(message = "{identification.rule.label.required}") @Size(max = 100, message = "{identification.text.size}") String defaultLabelEn,
		@Size(max = 200, message = "{identification.ruleSet.cases.size}") List<@Valid TestCase> testCases) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public List<TestCase> casesOrEmpty() {
		return testCases == null ? List.of() : testCases;
	}

	/** The label of an outcome code (a row's, the default's, or the code itself). */
	public String labelOf(String outcome, Locale locale) {
		if (outcome.equals(defaultOutcome)) {
			return locale != null && "en".equals(locale.getLanguage()) ? defaultLabelEn : defaultLabelZh;
		}
		return rows.stream().filter(r -> r.outcome().equals(outcome)).findFirst().map(r -> r.label(locale)).orElse(outcome);
	}

	/** The distinct outcome codes, rows first, then the default. */
	public List<String> outcomes() {
		java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
		rows.forEach(r -> all.add(r.outcome()));
		all.add(defaultOutcome);
		return List.copyOf(all);
	}

}

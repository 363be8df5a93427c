package org.bangfu.programs;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One row of a program's amount rule: when the condition holds (over the household's facts, in
 * identification's rule language) and, for per-member programs, the member meets the row's
 * member condition, the line gets the amount (an expression in yuan over the same facts). A
 * range row (rangeMax set) proposes the amount as its lower end and needs a reviewer's choice
 * within it, with a reason. perMonth multiplies by the months of the cycle. First match wins.
 */
public record AmountRow(
		@NotBlank(message = "{programs.row.condition.required}") @Size(max = 1000, message = "{programs.text.size}") String condition,
		@Valid MemberCondition member,
		@NotBlank(message = "{programs.row.amount.required}") @Size(max = 1000, message = "{programs.text.size}") String amount,
		@DecimalMin(value = "0", message = "{programs.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{programs.amount.digits}") BigDecimal rangeMax,
		boolean perMonth,
		@NotBlank(message = "{programs.row.label.required}") @Size(max = 100, message = "{programs.text.size}") String labelZh,
		@Size(max = 100, message = "{programs.text.size}") String labelEn) {

	public MemberCondition memberOrAny() {
		return member == null ? MemberCondition.ANY : member;
	}

	public boolean range() {
		return rangeMax != null;
	}

	public String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelZh;
	}

}

package org.bangfu.programs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a program administrator edits: names, purpose, the fund it draws on (a code for now),
 * the form, the schedule (text interpreted by the schedules, e.g. {@code lunar 09-09}), the
 * target (a condition over household facts), the beneficiary unit and member condition, the
 * ordered amount rows, the limits, the rounding, a percentage more for special members (severe
 * disability, major illness, students, elderly) of per-member lines, the test cases, and whether
 * its rosters are published as a public notice (公示, off unless set).
 */
public record ProgramContent(
		@NotBlank(message = "{programs.name.required}") @Size(max = 100, message = "{programs.text.size}") String nameZh,
		@Size(max = 100, message = "{programs.text.size}") String nameEn,
		@Size(max = 2000, message = "{programs.text.size}") String purpose,
		@Size(max = 40, message = "{programs.text.size}") String fundCode,
		@NotNull(message = "{programs.form.required}") ProgramForm form,
		@Size(max = 100, message = "{programs.text.size}") String schedule,
		@NotBlank(message = "{programs.target.required}") @Size(max = 1000, message = "{programs.text.size}") String target,
		@NotNull(message = "{programs.unit.required}") BeneficiaryUnit unit,
		@Valid MemberCondition member,
		@NotEmpty(message = "{programs.rows.required}") @Size(max = 30, message = "{programs.rows.size}") List<@Valid AmountRow> rows,
		@Valid ProgramLimits limits,
		Rounding rounding,
		@DecimalMin(value = "0", message = "{programs.bonus.range}") @DecimalMax(value = "100", message = "{programs.bonus.range}") BigDecimal specialBonusPercent,
		@Size(max = 100, message = "{programs.cases.size}") List<@Valid ProgramTestCase> testCases,
		Boolean publicNotice) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

	public MemberCondition memberOrAny() {
		return member == null ? MemberCondition.ANY : member;
	}

	public ProgramLimits limitsOrNone() {
		return limits == null ? ProgramLimits.NONE : limits;
	}

	public Rounding roundingOrFen() {
		return rounding == null ? Rounding.FEN : rounding;
	}

	public BigDecimal bonusOrZero() {
		return specialBonusPercent == null ? BigDecimal.ZERO : specialBonusPercent;
	}

	public List<ProgramTestCase> casesOrEmpty() {
		return testCases == null ? List.of() : testCases;
	}

	/** Whether the program asks for its rosters to be published as a public notice (default off). */
	public boolean asksPublicNotice() {
		return Boolean.TRUE.equals(publicNotice);
	}

	public boolean perMember() {
		return unit != BeneficiaryUnit.HOUSEHOLD;
	}

}

package org.bangfu.programs.web;

import java.math.BigDecimal;
import java.util.List;

import org.bangfu.programs.AmountRow;
import org.bangfu.programs.BeneficiaryUnit;
import org.bangfu.programs.MemberCondition;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramForm;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.ProgramTestCase;
import org.bangfu.programs.Rounding;
import org.bangfu.programs.internal.Json;
import org.bangfu.shared.BangfuException;

import tools.jackson.core.type.TypeReference;

/**
 * The program editor: scalar fields, and the structured parts (amount rows, member condition,
 * limits, test cases) as JSON text areas that are read exactly (decimals as written).
 */
public record ProgramEditForm(String code, String nameZh, String nameEn, String purpose, String fundCode, ProgramForm form,
		String schedule, String target, BeneficiaryUnit unit, Rounding rounding, BigDecimal specialBonusPercent, String rows,
		String member, String limits, String testCases, Boolean publicNotice) {

	static ProgramEditForm of(String code, ProgramContent c) {
		return new ProgramEditForm(code, c.nameZh(), c.nameEn(), c.purpose(), c.fundCode(), c.form(), c.schedule(), c.target(),
				c.unit(), c.roundingOrFen(), c.specialBonusPercent(), pretty(c.rows()), pretty(c.memberOrAny()),
				pretty(c.limitsOrNone()), pretty(c.casesOrEmpty()), c.asksPublicNotice());
	}

	static ProgramEditForm blank() {
		ProgramContent c = new ProgramContent("", "", "", "", ProgramForm.CASH, "", "cat_dibao", BeneficiaryUnit.HOUSEHOLD, null,
				List.of(new AmountRow("true", null, "800", null, false, "每户800元", "800 per household")), ProgramLimits.NONE,
				Rounding.FEN, null, List.of(new ProgramTestCase("低保户", java.util.Map.of("cat_dibao", true), null, null, null,
						List.of(new BigDecimal("800")))), null);
		return of("", c);
	}

	ProgramContent toContent() {
		return new ProgramContent(nameZh, nameEn, purpose, fundCode, form, schedule, target, unit,
				read("member", member, new TypeReference<MemberCondition>() {
				}), read("rows", rows, new TypeReference<List<AmountRow>>() {
				}), read("limits", limits, new TypeReference<ProgramLimits>() {
				}), rounding, specialBonusPercent, read("testCases", testCases, new TypeReference<List<ProgramTestCase>>() {
				}), Boolean.TRUE.equals(publicNotice) ? Boolean.TRUE : null);
	}

	private static <T> T read(String field, String text, TypeReference<T> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Json.MAPPER.readValue(text, type);
		}
		catch (RuntimeException ex) {
			throw BangfuException.badField(field, "programs.form.json", field);
		}
	}

	private static String pretty(Object value) {
		return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
	}

}

package org.bangfu.programs.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.AmountRow;
import org.bangfu.programs.MemberCondition;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.ProgramTestCase;
import org.bangfu.programs.SecondGrant;
import org.bangfu.programs.TestMember;
import org.bangfu.shared.BangfuException;

/**
 * The structured parts of the program editor as a browser posts them (every value as typed, read
 * here so that a bad number names its field): amount rows, member conditions, limits, and test
 * cases with their facts and members. Each part converts to the stored definition and back.
 */
public final class EditorParts {

	private EditorParts() {
	}

	/** A member condition: ages, grade, the ticked schooling levels, health states and categories, diseases as comma-separated words. */
	public record MemberForm(String minAge, String maxAge, List<String> schooling, List<String> health, String maxDisabilityGrade,
			String diseases, List<String> categories) {

		static final MemberForm EMPTY = new MemberForm("", "", List.of(), List.of(), "", "", List.of());

		static MemberForm of(MemberCondition c) {
			MemberCondition m = c == null ? MemberCondition.ANY : c;
			return new MemberForm(text(m.minAge()), text(m.maxAge()), m.schoolingOrEmpty(), m.healthOrEmpty(),
					text(m.maxDisabilityGrade()), String.join(", ", m.diseasesOrEmpty()), m.categoriesOrEmpty());
		}

		/** Whether any part is set. */
		public boolean given() {
			return !(blank(minAge) && blank(maxAge) && blank(maxDisabilityGrade) && blank(diseases) && list(schooling).isEmpty()
					&& list(health).isEmpty() && list(categories).isEmpty());
		}

		/** The condition, or null when nothing is set (any member). */
		public MemberCondition toCondition(String field) {
			MemberCondition c = new MemberCondition(integer(field + ".minAge", minAge), integer(field + ".maxAge", maxAge),
					list(schooling), list(health), integer(field + ".maxDisabilityGrade", maxDisabilityGrade), words(diseases),
					list(categories));
			return c.any() ? null : c;
		}

	}

	/** One amount row: condition, amount expression, optional range top, per month, labels, and its own member condition. */
	public record RowForm(String condition, String amount, String rangeMax, Boolean perMonth, String labelZh, String labelEn,
			MemberForm member) {

		static RowForm blank() {
			return new RowForm("true", "", "", false, "", "", MemberForm.EMPTY);
		}

		static RowForm of(AmountRow r) {
			return new RowForm(r.condition(), r.amount(), text(r.rangeMax()), r.perMonth(), r.labelZh(), r.labelEn(),
					MemberForm.of(r.member()));
		}

		AmountRow toRow(String field) {
			return new AmountRow(trim(condition), memberOrEmpty().toCondition(field + ".member"), trim(amount),
					decimal(field + ".rangeMax", rangeMax), Boolean.TRUE.equals(perMonth), trim(labelZh), blankToNull(labelEn));
		}

		public MemberForm memberOrEmpty() {
			return member == null ? MemberForm.EMPTY : member;
		}

	}

	/** The limits: three caps in yuan, the out-of-pocket limit, and the second-grant rule. */
	public record LimitsForm(String capPerGrant, String capPerYearHousehold, String capPerYearPerson, Boolean outOfPocket,
			SecondGrant secondGrant) {

		static LimitsForm of(ProgramLimits l) {
			ProgramLimits x = l == null ? ProgramLimits.NONE : l;
			return new LimitsForm(text(x.capPerGrant()), text(x.capPerYearHousehold()), text(x.capPerYearPerson()), x.outOfPocket(),
					x.secondGrantOrAllowed());
		}

		ProgramLimits toLimits() {
			ProgramLimits l = new ProgramLimits(decimal("limits.capPerGrant", capPerGrant),
					decimal("limits.capPerYearHousehold", capPerYearHousehold), decimal("limits.capPerYearPerson", capPerYearPerson),
					Boolean.TRUE.equals(outOfPocket), secondGrant == null ? SecondGrant.ALLOWED : secondGrant);
			return l.equals(ProgramLimits.NONE) ? null : l;
		}

	}

	/** One fact of a test case's household: its name and value (yes/no as true/false, numbers as written). */
	public record FactForm(String name, String value) {

		static FactForm blank() {
			return new FactForm("", "");
		}

	}

	/** One member of a test case's household. */
	public record MemberTestForm(String name, String age, String schooling, String health, String disabilityGrade, String disease,
			List<String> categories) {

		static MemberTestForm blank() {
			return new MemberTestForm("", "", "", "", "", "", List.of());
		}

		static MemberTestForm of(TestMember m) {
			return new MemberTestForm(m.name(), text(m.age()), m.schooling(), m.health(), text(m.disabilityGrade()), m.disease(),
					m.categoriesOrEmpty());
		}

		TestMember toMember(String field) {
			return new TestMember(blankToNull(name), integer(field + ".age", age), blankToNull(schooling), blankToNull(health),
					integer(field + ".disabilityGrade", disabilityGrade), blankToNull(disease), list(categories));
		}

	}

	/** One test case: name, facts, members, months, paid this year, and the expected amounts (comma-separated, in member order). */
	public record CaseForm(String name, List<FactForm> facts, List<MemberTestForm> members, String months, String paidThisYear,
			String expected) {

		static CaseForm blank() {
			return new CaseForm("", List.of(FactForm.blank()), List.of(), "", "", "");
		}

		static CaseForm of(ProgramTestCase c) {
			List<FactForm> facts = new ArrayList<>();
			if (c.facts() != null) {
				c.facts().forEach((k, v) -> facts.add(new FactForm(k, String.valueOf(v))));
			}
			return new CaseForm(c.name(), facts, c.membersOrEmpty().stream().map(MemberTestForm::of).toList(), text(c.months()),
					text(c.paidThisYear()), String.join(", ", c.expectedOrEmpty().stream().map(BigDecimal::toPlainString).toList()));
		}

		ProgramTestCase toCase(String field) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (FactForm f : present(facts)) {
				if (f.name() != null && !f.name().isBlank()) {
					values.put(f.name().trim(), factValue(f.value()));
				}
			}
			List<TestMember> ms = new ArrayList<>();
			List<MemberTestForm> given = present(members);
			for (int i = 0; i < given.size(); i++) {
				ms.add(given.get(i).toMember(field + ".members[" + i + "]"));
			}
			List<BigDecimal> amounts = new ArrayList<>();
			for (String a : words(expected)) {
				amounts.add(decimal(field + ".expected", a));
			}
			return new ProgramTestCase(trim(name), values, ms.isEmpty() ? null : ms, integer(field + ".months", months),
					decimal(field + ".paidThisYear", paidThisYear), amounts);
		}

	}

	static <T> List<T> present(List<T> items) {
		return items == null ? List.of() : items.stream().filter(java.util.Objects::nonNull).toList();
	}

	private static Object factValue(String value) {
		String v = value == null ? "" : value.trim();
		if ("true".equalsIgnoreCase(v) || "是".equals(v)) {
			return Boolean.TRUE;
		}
		if ("false".equalsIgnoreCase(v) || "否".equals(v)) {
			return Boolean.FALSE;
		}
		try {
			return new BigDecimal(v);
		}
		catch (NumberFormatException ex) {
			return v;
		}
	}

	static String text(Object value) {
		if (value instanceof BigDecimal d) {
			return d.toPlainString();
		}
		return value == null ? "" : value.toString();
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String trim(String s) {
		return s == null ? null : s.trim();
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
	}

	private static List<String> words(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[,，、;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static Integer integer(String field, String text) {
		String t = blankToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return Integer.valueOf(t);
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField(field, "programs.form.number", t);
		}
	}

	static BigDecimal decimal(String field, String text) {
		String t = blankToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField(field, "programs.form.number", t);
		}
	}

}

package org.bangfu.identification.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.TestCase;
import org.bangfu.shared.BangfuException;

/**
 * The rule-set editor's form: names, rows (blank rows are dropped, two spare rows are always
 * offered), default outcome, and the test cases one row each (name, the facts it sets, the
 * standards it assumes, the expected class; blank or removed rows are dropped, two spare rows
 * are always offered). Facts and standards are written as name = value, separated by commas or
 * semicolons; yes/no facts take yes, no, 是 or 否.
 */
public class RuleSetForm {

	private String nameZh;

	private String nameEn;

	private String description;

	private List<Row> rows = new ArrayList<>();

	private String defaultOutcome;

	private String defaultLabelZh;

	private String defaultLabelEn;

	private List<Case> cases = new ArrayList<>();

	/** One test case as the form shows it. */
	public static class Case {

		private String name;

		private String facts;

		private String standards;

		private String expected;

		private boolean remove;

		public Case() {
		}

		Case(TestCase c) {
			this.name = c.name();
			this.facts = c.facts() == null ? "" : c.facts().entrySet().stream()
				.map(e -> e.getKey() + " = " + text(e.getValue()))
				.collect(java.util.stream.Collectors.joining(", "));
			this.standards = c.standards() == null ? "" : c.standards().entrySet().stream()
				.map(e -> e.getKey() + " = " + text(e.getValue()))
				.collect(java.util.stream.Collectors.joining(", "));
			this.expected = c.expected();
		}

		boolean blank() {
			return remove || ((name == null || name.isBlank()) && (facts == null || facts.isBlank())
					&& (expected == null || expected.isBlank()));
		}

		private static String text(Object v) {
			if (v instanceof Boolean b) {
				return b ? "yes" : "no";
			}
			if (v instanceof java.math.BigDecimal d) {
				return d.stripTrailingZeros().toPlainString();
			}
			return String.valueOf(v);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getFacts() {
			return facts;
		}

		public void setFacts(String facts) {
			this.facts = facts;
		}

		public String getStandards() {
			return standards;
		}

		public void setStandards(String standards) {
			this.standards = standards;
		}

		public String getExpected() {
			return expected;
		}

		public void setExpected(String expected) {
			this.expected = expected;
		}

		public boolean isRemove() {
			return remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

	public static class Row {

		private String condition;

		private String outcome;

		private String labelZh;

		private String labelEn;

		public Row() {
		}

		Row(RuleRow r) {
			this.condition = r.condition();
			this.outcome = r.outcome();
			this.labelZh = r.labelZh();
			this.labelEn = r.labelEn();
		}

		boolean blank() {
			return (condition == null || condition.isBlank()) && (outcome == null || outcome.isBlank());
		}

		public String getCondition() {
			return condition;
		}

		public void setCondition(String condition) {
			this.condition = condition;
		}

		public String getOutcome() {
			return outcome;
		}

		public void setOutcome(String outcome) {
			this.outcome = outcome;
		}

		public String getLabelZh() {
			return labelZh;
		}

		public void setLabelZh(String labelZh) {
			this.labelZh = labelZh;
		}

		public String getLabelEn() {
			return labelEn;
		}

		public void setLabelEn(String labelEn) {
			this.labelEn = labelEn;
		}

	}

	static RuleSetForm of(RuleSetContent c) {
		RuleSetForm f = new RuleSetForm();
		f.nameZh = c.nameZh();
		f.nameEn = c.nameEn();
		f.description = c.description();
		c.rows().forEach(r -> f.rows.add(new Row(r)));
		f.defaultOutcome = c.defaultOutcome();
		f.defaultLabelZh = c.defaultLabelZh();
		f.defaultLabelEn = c.defaultLabelEn();
		c.casesOrEmpty().forEach(t -> f.cases.add(new Case(t)));
		return f.withSpareRows();
	}

	RuleSetForm withSpareRows() {
		rows.removeIf(Row::blank);
		rows.add(new Row());
		rows.add(new Row());
		cases.removeIf(Case::blank);
		cases.add(new Case());
		cases.add(new Case());
		return this;
	}

	/** The content (blank rows and cases dropped); fails on the case's field when its facts cannot be read. */
	RuleSetContent toContent() {
		List<TestCase> cases = new ArrayList<>();
		for (int i = 0; i < this.cases.size(); i++) {
			Case c = this.cases.get(i);
			int row = i;
			if (c.blank()) {
				continue;
			}
			Map<String, Object> facts = new LinkedHashMap<>();
			pairs(c.facts, row, "facts").forEach((k, v) -> facts.put(k, value(v, row, "facts")));
			Map<String, BigDecimal> standards = new LinkedHashMap<>();
			pairs(c.standards, row, "standards").forEach((k, v) -> {
				if (!(value(v, row, "standards") instanceof BigDecimal d)) {
					throw BangfuException.badField("cases[" + row + "].standards", "identification.case.pair", row + 1, k + " = " + v);
				}
				standards.put(k, d);
			});
			cases.add(new TestCase(trim(c.name), facts, standards, trim(c.expected)));
		}
		List<RuleRow> list = rows.stream()
			.filter(r -> !r.blank())
			.map(r -> new RuleRow(trim(r.condition), trim(r.outcome), trim(r.labelZh), trim(r.labelEn)))
			.toList();
		return new RuleSetContent(trim(nameZh), trim(nameEn), trim(description), list, trim(defaultOutcome),
				trim(defaultLabelZh), trim(defaultLabelEn), cases);
	}

	/** Pairs such as a = 1, b = yes; c = 2 as a map of name to value text. */
	private static Map<String, String> pairs(String text, int index, String field) {
		Map<String, String> out = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		for (String part : text.split("[,;，；\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			String[] kv = part.split("[=＝:：]", 2);
			if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
				throw BangfuException.badField("cases[" + index + "]." + field, "identification.case.pair", index + 1, part.strip());
			}
			out.put(kv[0].strip(), kv[1].strip());
		}
		return out;
	}

	private static Object value(String v, int index, String field) {
		switch (v.toLowerCase(java.util.Locale.ROOT)) {
			case "yes", "true", "是" -> {
				return Boolean.TRUE;
			}
			case "no", "false", "否" -> {
				return Boolean.FALSE;
			}
			default -> {
				try {
					return new BigDecimal(v);
				}
				catch (NumberFormatException ex) {
					throw BangfuException.badField("cases[" + index + "]." + field, "identification.case.pair", index + 1, v);
				}
			}
		}
	}

	private static String trim(String s) {
		return s == null ? null : s.strip();
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	public String getDefaultOutcome() {
		return defaultOutcome;
	}

	public void setDefaultOutcome(String defaultOutcome) {
		this.defaultOutcome = defaultOutcome;
	}

	public String getDefaultLabelZh() {
		return defaultLabelZh;
	}

	public void setDefaultLabelZh(String defaultLabelZh) {
		this.defaultLabelZh = defaultLabelZh;
	}

	public String getDefaultLabelEn() {
		return defaultLabelEn;
	}

	public void setDefaultLabelEn(String defaultLabelEn) {
		this.defaultLabelEn = defaultLabelEn;
	}

	public List<Case> getCases() {
		return cases;
	}

	public void setCases(List<Case> cases) {
		this.cases = cases;
	}

}

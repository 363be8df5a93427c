package org.bangfu.identification.web;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.TestCase;
import org.bangfu.identification.internal.Json;
import org.bangfu.shared.BangfuException;

import tools.jackson.core.type.TypeReference;

/**
 * The rule-set editor's form: names, rows (blank rows are dropped, two spare rows are always
 * offered), default outcome, and the test cases as a JSON list.
 */
public class RuleSetForm {

	private String nameZh;

	private String nameEn;

	private String description;

	private List<Row> rows = new ArrayList<>();

	private String defaultOutcome;

	private String defaultLabelZh;

	private String defaultLabelEn;

	private String testCases;

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
		f.testCases = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c.casesOrEmpty());
		return f.withSpareRows();
	}

	RuleSetForm withSpareRows() {
		rows.removeIf(Row::blank);
		rows.add(new Row());
		rows.add(new Row());
		return this;
	}

	/** The content (blank rows dropped); fails on the field testCases when the JSON cannot be read. */
	RuleSetContent toContent() {
		List<TestCase> cases;
		try {
			cases = testCases == null || testCases.isBlank() ? List.of()
					: Json.MAPPER.readValue(testCases, new TypeReference<List<TestCase>>() {
					});
		}
		catch (RuntimeException ex) {
			throw BangfuException.badField("testCases", "identification.case.json");
		}
		List<RuleRow> list = rows.stream()
			.filter(r -> !r.blank())
			.map(r -> new RuleRow(trim(r.condition), trim(r.outcome), trim(r.labelZh), trim(r.labelEn)))
			.toList();
		return new RuleSetContent(trim(nameZh), trim(nameEn), trim(description), list, trim(defaultOutcome),
				trim(defaultLabelZh), trim(defaultLabelEn), cases);
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

	public String getTestCases() {
		return testCases;
	}

	public void setTestCases(String testCases) {
		this.testCases = testCases;
	}

}

package org.bangfu.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsViews.AssetView;
import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.SpendingView;
import org.bangfu.registry.economics.EconomicsViews.SuddenCostView;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Money;

/**
 * The economics page's four forms, as the user typed them (text, so a wrong amount or date gets
 * a message in the user's words next to its field). replaces = the record being corrected.
 */
final class EconomicsForms {

	private EconomicsForms() {
	}

	static BigDecimal money(String field, String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				throw BangfuException.badField(field, "registry.economics.amount.required");
			}
			return null;
		}
		return Money.parse(field, text, true).amount();
	}

	static Integer number(String field, String text, String message) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField(field, message);
		}
	}

	static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw BangfuException.badField(field, "registry.economics.date.format", text);
		}
	}

	static String plain(BigDecimal v) {
		return v == null ? "" : v.toPlainString();
	}

	public static class IncomeForm {

		private Long replaces;
		private Long memberId;
		private IncomeKind kind;
		private Period period = Period.MONTH;
		private String year;
		private String month;
		private String amount;
		private Source source = Source.FORM;
		private String note;

		static IncomeForm of(IncomeItemView i) {
			IncomeForm f = new IncomeForm();
			f.replaces = i.id();
			f.memberId = i.memberId();
			f.kind = i.kind();
			f.period = i.period();
			f.year = Integer.toString(i.year());
			f.month = i.month() == null ? "" : i.month().toString();
			f.amount = plain(i.amount());
			f.source = i.source();
			f.note = i.note();
			return f;
		}

		RecordIncome toCommand() {
			return new RecordIncome(memberId, kind, period, number("year", year, "registry.economics.year.range"),
					period == Period.YEAR ? null : number("month", month, "registry.economics.month.range"),
					money("amount", amount, true), source, note);
		}

		public Long getReplaces() { return replaces; }
		public void setReplaces(Long v) { replaces = v; }
		public Long getMemberId() { return memberId; }
		public void setMemberId(Long v) { memberId = v; }
		public IncomeKind getKind() { return kind; }
		public void setKind(IncomeKind v) { kind = v; }
		public Period getPeriod() { return period; }
		public void setPeriod(Period v) { period = v; }
		public String getYear() { return year; }
		public void setYear(String v) { year = v; }
		public String getMonth() { return month; }
		public void setMonth(String v) { month = v; }
		public String getAmount() { return amount; }
		public void setAmount(String v) { amount = v; }
		public Source getSource() { return source; }
		public void setSource(Source v) { source = v; }
		public String getNote() { return note; }
		public void setNote(String v) { note = v; }

	}

	public static class SpendingForm {

		private Long replaces;
		private SpendingKind kind;
		private String year;
		private String amount;
		private String note;
		private String evidence;

		static SpendingForm of(SpendingView s) {
			SpendingForm f = new SpendingForm();
			f.replaces = s.id();
			f.kind = s.kind();
			f.year = Integer.toString(s.year());
			f.amount = plain(s.amount());
			f.note = s.note();
			f.evidence = s.evidence();
			return f;
		}

		RecordSpending toCommand() {
			return new RecordSpending(kind, number("year", year, "registry.economics.year.range"), money("amount", amount, true),
					note, evidence);
		}

		public Long getReplaces() { return replaces; }
		public void setReplaces(Long v) { replaces = v; }
		public SpendingKind getKind() { return kind; }
		public void setKind(SpendingKind v) { kind = v; }
		public String getYear() { return year; }
		public void setYear(String v) { year = v; }
		public String getAmount() { return amount; }
		public void setAmount(String v) { amount = v; }
		public String getNote() { return note; }
		public void setNote(String v) { note = v; }
		public String getEvidence() { return evidence; }
		public void setEvidence(String v) { evidence = v; }

	}

	public static class CostForm {

		private Long replaces;
		private SuddenCostKind kind;
		private String occurredOn;
		private String amount;
		private String covered;
		private String note;

		static CostForm of(SuddenCostView c) {
			CostForm f = new CostForm();
			f.replaces = c.id();
			f.kind = c.kind();
			f.occurredOn = c.occurredOn().toString();
			f.amount = plain(c.amount());
			f.covered = plain(c.covered());
			f.note = c.note();
			return f;
		}

		RecordSuddenCost toCommand() {
			return new RecordSuddenCost(kind, date("occurredOn", occurredOn), money("amount", amount, true),
					money("covered", covered, false), note);
		}

		public Long getReplaces() { return replaces; }
		public void setReplaces(Long v) { replaces = v; }
		public SuddenCostKind getKind() { return kind; }
		public void setKind(SuddenCostKind v) { kind = v; }
		public String getOccurredOn() { return occurredOn; }
		public void setOccurredOn(String v) { occurredOn = v; }
		public String getAmount() { return amount; }
		public void setAmount(String v) { amount = v; }
		public String getCovered() { return covered; }
		public void setCovered(String v) { covered = v; }
		public String getNote() { return note; }
		public void setNote(String v) { note = v; }

	}

	public static class AssetForm {

		private Long replaces;
		private AssetKind kind;
		private VehicleKind vehicleKind;
		private String value;
		private String asOf;
		private String description;

		static AssetForm of(AssetView a) {
			AssetForm f = new AssetForm();
			f.replaces = a.id();
			f.kind = a.kind();
			f.vehicleKind = a.vehicleKind();
			f.value = plain(a.value());
			f.asOf = a.asOf().toString();
			f.description = a.description();
			return f;
		}

		RecordAsset toCommand() {
			return new RecordAsset(kind, vehicleKind, money("value", value, false), date("asOf", asOf), description);
		}

		public Long getReplaces() { return replaces; }
		public void setReplaces(Long v) { replaces = v; }
		public AssetKind getKind() { return kind; }
		public void setKind(AssetKind v) { kind = v; }
		public VehicleKind getVehicleKind() { return vehicleKind; }
		public void setVehicleKind(VehicleKind v) { vehicleKind = v; }
		public String getValue() { return value; }
		public void setValue(String v) { value = v; }
		public String getAsOf() { return asOf; }
		public void setAsOf(String v) { asOf = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }

	}

}

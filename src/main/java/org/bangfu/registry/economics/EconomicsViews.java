package org.bangfu.registry.economics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;
import org.bangfu.shared.Money;

/** How pages, the API and the facts read a household's economics. Amounts as entered. */
public final class EconomicsViews {

	private EconomicsViews() {
	}

	/** An income item: the figure for its period (a month from periodStart, or the calendar year). */
	public record IncomeItemView(long id, long householdId, long memberId, String memberName, IncomeKind kind,
			Period period, LocalDate periodStart, BigDecimal amount, Source source, String note, Instant recordedAt,
			String recordedBy) {

		public int year() {
			return periodStart.getYear();
		}

		/** The month, or null for a yearly item. */
		public Integer month() {
			return period == Period.MONTH ? periodStart.getMonthValue() : null;
		}

		public Money amountMoney() {
			return Money.of(amount);
		}

	}

	public record SpendingView(long id, long householdId, SpendingKind kind, int year, BigDecimal amount, String note,
			String evidence, Instant recordedAt, String recordedBy) {

		public Money amountMoney() {
			return Money.of(amount);
		}

	}

	/** A sudden cost; uncovered = amount − covered (what the household bears). */
	public record SuddenCostView(long id, long householdId, SuddenCostKind kind, LocalDate occurredOn, BigDecimal amount,
			BigDecimal covered, String note, Instant recordedAt, String recordedBy) {

		public BigDecimal uncovered() {
			return amount.subtract(covered);
		}

		public Money amountMoney() {
			return Money.of(amount);
		}

		public Money coveredMoney() {
			return Money.of(covered);
		}

	}

	public record AssetView(long id, long householdId, AssetKind kind, VehicleKind vehicleKind, BigDecimal value,
			LocalDate asOf, String description, Instant recordedAt, String recordedBy) {

		public Money valueMoney() {
			return Money.of(value);
		}

	}

	/**
	 * One part of a month's income: an item's entered amount and what of it falls in the month
	 * (the whole monthly figure, or a yearly figure ÷ 12).
	 */
	public record Share(long itemId, String memberName, IncomeKind kind, Period period, BigDecimal entered,
			BigDecimal inMonth) {

		public int divisor() {
			return period == Period.YEAR ? 12 : 1;
		}

		public Money enteredMoney() {
			return Money.of(entered);
		}

	}

	/**
	 * A month's household income, exact (yearly items contribute amount ÷ 12 carried to
	 * {@link IncomeHistoryPolicy#SCALE} decimals, never stored), with the parts it is made of.
	 */
	public record MonthIncome(YearMonth month, BigDecimal amount, List<Share> shares) {

		/** The amount to show: rounded half up to the fen. */
		public Money shown() {
			return new Money(amount.setScale(2, java.math.RoundingMode.HALF_UP));
		}

		public boolean recorded() {
			return !shares.isEmpty();
		}

	}

	/** Everything recorded for a household (current rows, or the rows as they stood on a date). */
	public record Records(List<IncomeItemView> income, List<SpendingView> spending, List<SuddenCostView> suddenCosts,
			List<AssetView> assets) {
	}

}

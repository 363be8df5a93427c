package org.bangfu.registry.economics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.shared.BangfuException;

/**
 * What makes an economics record acceptable: pure checks on the command, today's date and the
 * household's current income items. Each failure names the field it concerns, so nothing is
 * written half-way and the page shows the message next to that field.
 */
public final class EconomicsPolicy {

	private EconomicsPolicy() {
	}

	/** The first day of the item's period (a month's 1st, or 1 January); checks month and future. */
	public static LocalDate periodStart(RecordIncome cmd, LocalDate today) {
		amount("amount", cmd.amount());
		if (cmd.period() == Period.MONTH) {
			if (cmd.month() == null) {
				throw BangfuException.badField("month", "registry.economics.month.required");
			}
			YearMonth m = YearMonth.of(cmd.year(), cmd.month());
			if (m.isAfter(YearMonth.from(today))) {
				throw BangfuException.badField("month", "registry.economics.period.future", m.toString());
			}
			return m.atDay(1);
		}
		if (cmd.month() != null) {
			throw BangfuException.badField("month", "registry.economics.month.yearly");
		}
		if (cmd.year() > today.getYear()) {
			throw BangfuException.badField("year", "registry.economics.period.future", cmd.year().toString());
		}
		return LocalDate.of(cmd.year(), 1, 1);
	}

	/**
	 * A member's kind of income is given per month or per year, never both for the same time (it
	 * would count twice), and once per period (a second figure is a correction of the first).
	 * replacing = the id of the item being corrected (it does not count), or null.
	 */
	public static void noOverlap(RecordIncome cmd, LocalDate start, List<IncomeItemView> current, Long replacing) {
		for (IncomeItemView i : current) {
			if (i.memberId() != cmd.memberId() || i.kind() != cmd.kind() || (replacing != null && i.id() == replacing)) {
				continue;
			}
			if (i.period() == cmd.period() && i.periodStart().equals(start)) {
				throw BangfuException.badField("period", "registry.economics.income.duplicate", label(i));
			}
			if (i.period() != cmd.period() && i.periodStart().getYear() == start.getYear()) {
				throw BangfuException.badField("period", "registry.economics.income.overlaps", label(i));
			}
		}
	}

	private static String label(IncomeItemView i) {
		return i.period() == Period.YEAR ? Integer.toString(i.year()) : YearMonth.from(i.periodStart()).toString();
	}

	public static void spending(RecordSpending cmd, LocalDate today) {
		amount("amount", cmd.amount());
		if (cmd.year() > today.getYear()) {
			throw BangfuException.badField("year", "registry.economics.period.future", cmd.year().toString());
		}
	}

	public static void suddenCost(RecordSuddenCost cmd, LocalDate today) {
		amount("amount", cmd.amount());
		BigDecimal covered = cmd.covered() == null ? BigDecimal.ZERO : cmd.covered();
		amount("covered", covered);
		notFuture("occurredOn", cmd.occurredOn(), today);
		if (covered.compareTo(cmd.amount()) > 0) {
			throw BangfuException.badField("covered", "registry.economics.covered.tooMuch");
		}
	}

	public static void asset(RecordAsset cmd, LocalDate today) {
		notFuture("asOf", cmd.asOf(), today);
		if ((cmd.kind() == AssetKind.VEHICLE) != (cmd.vehicleKind() != null)) {
			throw BangfuException.badField("vehicleKind", cmd.kind() == AssetKind.VEHICLE
					? "registry.economics.vehicleKind.required" : "registry.economics.vehicleKind.onlyVehicles");
		}
		if (cmd.value() == null && (cmd.kind() == AssetKind.VEHICLE || cmd.kind() == AssetKind.SAVINGS)) {
			throw BangfuException.badField("value", "registry.economics.value.required");
		}
		if (cmd.value() != null) {
			amount("value", cmd.value());
		}
	}

	private static void notFuture(String field, LocalDate date, LocalDate today) {
		if (date.isAfter(today)) {
			throw BangfuException.badField(field, "registry.economics.date.future", date.toString());
		}
	}

	private static void amount(String field, BigDecimal amount) {
		if (amount.signum() < 0) {
			throw BangfuException.badField(field, "money.negative", amount.toPlainString());
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw BangfuException.badField(field, "money.decimals", amount.toPlainString());
		}
	}

}

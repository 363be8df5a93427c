package org.bangfu.registry.importing;

import static org.bangfu.registry.TemplateColumn.ASSETS_AS_OF;
import static org.bangfu.registry.TemplateColumn.EXTRA_HOMES;
import static org.bangfu.registry.TemplateColumn.INCOME_MONTH;
import static org.bangfu.registry.TemplateColumn.LUXURY_PURCHASE;
import static org.bangfu.registry.TemplateColumn.REGISTERED_BUSINESSES;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_AMOUNT;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_COVERED;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_DATE;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_KIND;
import static org.bangfu.registry.TemplateColumn.VEHICLE_KIND;
import static org.bangfu.registry.TemplateColumn.VEHICLE_VALUE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;

/**
 * The template's optional columns for monthly income, one sudden cost and the assets of a
 * household (issue 13), checked without the database like every other cell: a month or date
 * not after today (written 2025-03, 2025/3, 2025年3月 or an Excel date), amounts ≥ 0 with at most
 * two decimals, a sudden cost given whole (kind, date and amount) and covered no more than its
 * amount, counts 0–99, a vehicle kind only with a vehicle value, and no month given both yearly
 * and monthly for the same member and kind in the file.
 */
final class EconomicsColumnsPolicy {

	/** A sudden cost of the file: what happened, when, how much, how much insurance or others covered. */
	record SuddenCost(SuddenCostKind kind, LocalDate on, BigDecimal amount, BigDecimal covered) {
	}

	/** The asset figures of the file (null = not given: what is recorded stays), known from asOf. */
	record Assets(LocalDate asOf, VehicleKind vehicleKind, BigDecimal vehicleValue, Integer extraHomes, Integer businesses,
			BigDecimal luxury) {
	}

	/** The monthly income columns, by kind. */
	static final Map<TemplateColumn, IncomeKind> MONTHLY = Map.of(TemplateColumn.MONTH_WAGE, IncomeKind.WAGE,
			TemplateColumn.MONTH_BUSINESS, IncomeKind.BUSINESS, TemplateColumn.MONTH_FARMING, IncomeKind.FARMING,
			TemplateColumn.MONTH_PROPERTY, IncomeKind.PROPERTY, TemplateColumn.MONTH_TRANSFER, IncomeKind.TRANSFER,
			TemplateColumn.MONTH_PENSION, IncomeKind.PENSION, TemplateColumn.MONTH_OTHER_INCOME, IncomeKind.OTHER);

	private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))");

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	/** An Excel date serial (1955 … 2118), as a cell holding a date reads. */
	private static final Pattern SERIAL = Pattern.compile("[2-7]\\d{4}");

	private static final Pattern COUNT = Pattern.compile("\\d{1,2}");

	private final TemplatePolicy cells;

	private final LocalDate today;

	EconomicsColumnsPolicy(TemplatePolicy cells, LocalDate today) {
		this.cells = cells;
		this.today = today;
	}

	/** A member's monthly figures by kind (for 收入月份). */
	Map<IncomeKind, BigDecimal> monthly(SheetRow row, Candidate c) {
		Map<IncomeKind, BigDecimal> out = new EnumMap<>(IncomeKind.class);
		for (TemplateColumn column : TemplateColumn.values()) {
			IncomeKind kind = MONTHLY.get(column);
			BigDecimal v = kind == null ? null : cells.amount(row, column, 10, c);
			if (v != null) {
				out.put(kind, v);
			}
		}
		return out;
	}

	/** A kind of a member's income given for 收入年度 and for a month of that year in the same file would count twice. */
	void noOverlap(long row, Map<IncomeKind, BigDecimal> yearly, Map<IncomeKind, BigDecimal> monthly, Candidate c) {
		if (c.incomeMonth == null || c.incomeMonth.getYear() != c.incomeYear) {
			return;
		}
		MONTHLY.forEach((column, kind) -> {
			if (yearly.containsKey(kind) && monthly.containsKey(kind)) {
				c.reject(RowProblem.of(row, column, "imports.economics.monthAndYear", cells.label(column),
						Integer.toString(c.incomeYear), c.incomeMonth.toString()));
			}
		});
	}

	/** 收入月份 of the household (its head's row): not after this month; empty = last month. */
	YearMonth month(SheetRow row, Candidate c) {
		String v = cells.cell(row, INCOME_MONTH, c);
		if (v == null || v.isEmpty()) {
			return YearMonth.from(today).minusMonths(1);
		}
		YearMonth m = null;
		Matcher x = MONTH.matcher(v);
		try {
			if (x.matches()) {
				m = YearMonth.of(Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2) != null ? x.group(2) : x.group(3)));
			}
			else if (SERIAL.matcher(v).matches()) {
				m = YearMonth.from(serial(v));
			}
		}
		catch (DateTimeException ex) {
			m = null;
		}
		if (m == null || m.getYear() < 1990 || m.isAfter(YearMonth.from(today))) {
			c.reject(RowProblem.of(row.number(), INCOME_MONTH, "imports.economics.month", cells.label(INCOME_MONTH), v,
					YearMonth.from(today).toString()));
			return null;
		}
		return m;
	}

	/** The sudden cost of the head's row: all of kind, date and amount, or none of them. */
	SuddenCost suddenCost(SheetRow row, Candidate c) {
		SuddenCostKind kind = cells.word(row, SUDDEN_COST_KIND, SuddenCostKind.class, c);
		LocalDate on = date(row, SUDDEN_COST_DATE, c);
		BigDecimal amount = cells.amount(row, SUDDEN_COST_AMOUNT, 12, c);
		BigDecimal covered = cells.amount(row, SUDDEN_COST_COVERED, 12, c);
		boolean any = filled(row, SUDDEN_COST_KIND) || filled(row, SUDDEN_COST_DATE) || filled(row, SUDDEN_COST_AMOUNT) || covered != null;
		if (!any) {
			return null;
		}
		for (TemplateColumn column : new TemplateColumn[] { SUDDEN_COST_KIND, SUDDEN_COST_DATE, SUDDEN_COST_AMOUNT }) {
			if (!filled(row, column)) {
				c.reject(RowProblem.of(row.number(), column, "imports.economics.suddenCost.incomplete", cells.label(column)));
			}
		}
		if (kind == null || on == null || amount == null) {
			return null;
		}
		BigDecimal cov = covered == null ? BigDecimal.ZERO : covered;
		if (cov.compareTo(amount) > 0) {
			c.reject(RowProblem.of(row.number(), SUDDEN_COST_COVERED, "imports.economics.covered.tooMuch",
					cells.label(SUDDEN_COST_COVERED), cov.toPlainString(), cells.label(SUDDEN_COST_AMOUNT), amount.toPlainString()));
			return null;
		}
		return new SuddenCost(kind, on, amount, cov);
	}

	/** The asset figures of the head's row; null when none is given. 资产日期 defaults to today. */
	Assets assets(SheetRow row, Candidate c) {
		VehicleKind vehicleKind = cells.word(row, VEHICLE_KIND, VehicleKind.class, c);
		BigDecimal vehicles = cells.amount(row, VEHICLE_VALUE, 12, c);
		Integer homes = count(row, EXTRA_HOMES, c);
		Integer businesses = count(row, REGISTERED_BUSINESSES, c);
		BigDecimal luxury = cells.amount(row, LUXURY_PURCHASE, 12, c);
		LocalDate asOf = date(row, ASSETS_AS_OF, c);
		if (vehicleKind != null && vehicles == null) {
			c.reject(RowProblem.of(row.number(), VEHICLE_KIND, "imports.economics.vehicleKind.onlyWithValue",
					cells.label(VEHICLE_KIND), cells.label(VEHICLE_VALUE)));
		}
		if (vehicles == null && homes == null && businesses == null && luxury == null) {
			return null;
		}
		return new Assets(asOf == null ? today : asOf, vehicleKind, vehicles, homes, businesses, luxury);
	}

	private boolean filled(SheetRow row, TemplateColumn column) {
		String v = cells.header().value(row, column);
		return v != null && !v.isEmpty();
	}

	private Integer count(SheetRow row, TemplateColumn column, Candidate c) {
		String v = cells.cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		if (!COUNT.matcher(v).matches()) {
			c.reject(RowProblem.of(row.number(), column, "imports.cell.count", cells.label(column), v));
			return null;
		}
		return Integer.parseInt(v);
	}

	/** A date not after today, as text (2025-03-18, 2025/3/18, 2025年3月18日) or an Excel date. */
	private LocalDate date(SheetRow row, TemplateColumn column, Candidate c) {
		String v = cells.cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		LocalDate d = null;
		Matcher x = DATE.matcher(v);
		try {
			if (x.matches()) {
				d = LocalDate.of(Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3)));
			}
			else if (SERIAL.matcher(v).matches()) {
				d = serial(v);
			}
		}
		catch (DateTimeException ex) {
			d = null;
		}
		if (d == null || d.getYear() < 1990 || d.isAfter(today)) {
			c.reject(RowProblem.of(row.number(), column, "imports.economics.date", cells.label(column), v, today.toString()));
			return null;
		}
		return d;
	}

	private static LocalDate serial(String v) {
		return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v));
	}

}

package org.bangfu.registry.internal;

import java.util.Map;

import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.TemplateWords;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.shared.SpreadsheetText;

/**
 * An export row as the import template's cells, in {@link TemplateColumn} order: text as
 * {@link String} (neutralised against formulas), amounts as {@link BigDecimal} with two
 * decimals, counts as {@link Integer}, empty cells as null. 户编号 is on every row, the other
 * household-level columns only on the household's first (head) row.
 */
public final class TemplateCells {

	private TemplateCells() {
	}

	private static final Map<IncomeKind, TemplateColumn> YEARLY = Map.of(IncomeKind.WAGE, TemplateColumn.ANNUAL_WAGE,
			IncomeKind.BUSINESS, TemplateColumn.ANNUAL_BUSINESS, IncomeKind.FARMING, TemplateColumn.ANNUAL_FARMING,
			IncomeKind.PROPERTY, TemplateColumn.ANNUAL_PROPERTY, IncomeKind.TRANSFER, TemplateColumn.ANNUAL_TRANSFER,
			IncomeKind.PENSION, TemplateColumn.ANNUAL_PENSION, IncomeKind.OTHER, TemplateColumn.ANNUAL_OTHER_INCOME);

	private static final Map<SpendingKind, TemplateColumn> SPENDING = Map.of(SpendingKind.MEDICAL,
			TemplateColumn.MEDICAL_SPENDING, SpendingKind.SCHOOLING, TemplateColumn.SCHOOLING_SPENDING, SpendingKind.CARE,
			TemplateColumn.CARE_SPENDING, SpendingKind.OTHER, TemplateColumn.OTHER_SPENDING);

	private static final Map<IncomeKind, TemplateColumn> MONTHLY = Map.of(IncomeKind.WAGE, TemplateColumn.MONTH_WAGE,
			IncomeKind.BUSINESS, TemplateColumn.MONTH_BUSINESS, IncomeKind.FARMING, TemplateColumn.MONTH_FARMING,
			IncomeKind.PROPERTY, TemplateColumn.MONTH_PROPERTY, IncomeKind.TRANSFER, TemplateColumn.MONTH_TRANSFER,
			IncomeKind.PENSION, TemplateColumn.MONTH_PENSION, IncomeKind.OTHER, TemplateColumn.MONTH_OTHER_INCOME);

	public static Object[] of(ExportRow r) {
		Object[] c = new Object[TemplateColumn.COUNT];
		c[TemplateColumn.HOUSEHOLD_REF.ordinal()] = text(r.fileNo());
		c[TemplateColumn.NAME.ordinal()] = text(r.name());
		c[TemplateColumn.ID_NUMBER.ordinal()] = text(r.idNumber());
		c[TemplateColumn.RELATION.ordinal()] = TemplateWords.word(r.relation());
		c[TemplateColumn.SEX.ordinal()] = TemplateWords.word(r.sex());
		c[TemplateColumn.MONTHLY_INCOME.ordinal()] = amount(r.monthlyIncome());
		c[TemplateColumn.EMPLOYMENT.ordinal()] = word(r.employment());
		c[TemplateColumn.EMPLOYER.ordinal()] = text(r.employer());
		c[TemplateColumn.HEALTH.ordinal()] = word(r.health());
		c[TemplateColumn.DISABILITY_GRADE.ordinal()] = blankToNull(TemplateWords.grade(r.disabilityGrade()));
		c[TemplateColumn.SCHOOLING.ordinal()] = word(r.schooling());
		c[TemplateColumn.CATEGORIES.ordinal()] = blankToNull(TemplateWords.words(r.categories()));
		String phone = r.phone();
		if (r.first() && (phone == null || phone.isBlank())) {
			phone = r.householdPhone();
		}
		c[TemplateColumn.PHONE.ordinal()] = text(phone);
		r.yearlyIncome().forEach((kind, amount) -> c[YEARLY.get(kind).ordinal()] = amount(amount));
		r.figures().monthly().forEach((kind, amount) -> c[MONTHLY.get(kind).ordinal()] = amount(amount));
		if (r.first()) {
			if (r.householdHasYearlyIncome()) {
				c[TemplateColumn.INCOME_YEAR.ordinal()] = r.incomeYear();
			}
			if (!r.spending().isEmpty()) {
				c[TemplateColumn.SPENDING_YEAR.ordinal()] = r.spendingYear();
				r.spending().forEach((kind, amount) -> c[SPENDING.get(kind).ordinal()] = amount(amount));
			}
			figures(r.figures(), c);
			c[TemplateColumn.REGION_CODE.ordinal()] = text(r.regionCode());
			c[TemplateColumn.HARDSHIP_CAUSES.ordinal()] = blankToNull(TemplateWords.words(causes(r)));
			c[TemplateColumn.HOUSING.ordinal()] = word(r.housing());
			c[TemplateColumn.ANNUAL_RENT.ordinal()] = amount(r.annualRent());
			c[TemplateColumn.VEHICLES.ordinal()] = r.vehicles();
			c[TemplateColumn.SAVINGS.ordinal()] = amount(r.savings());
			c[TemplateColumn.BANK_NAME.ordinal()] = text(r.bankName());
			c[TemplateColumn.BANK_ACCOUNT.ordinal()] = text(r.bankAccount());
		}
		return c;
	}

	/** The household-level economics of the head's row: the month of the monthly items, a sudden cost, the assets. */
	private static void figures(ExportFigures f, Object[] c) {
		if (f.incomeMonth() != null) {
			c[TemplateColumn.INCOME_MONTH.ordinal()] = f.incomeMonth().toString();
		}
		if (f.costKind() != null) {
			c[TemplateColumn.SUDDEN_COST_KIND.ordinal()] = TemplateWords.word(f.costKind());
			c[TemplateColumn.SUDDEN_COST_DATE.ordinal()] = f.costDate().toString();
			c[TemplateColumn.SUDDEN_COST_AMOUNT.ordinal()] = amount(f.costAmount());
			c[TemplateColumn.SUDDEN_COST_COVERED.ordinal()] = amount(f.costCovered());
		}
		boolean assets = f.vehicleValue() != null || f.extraHomes() != null || f.businesses() != null || f.luxury() != null;
		if (assets) {
			c[TemplateColumn.ASSETS_AS_OF.ordinal()] = f.assetsAsOf() == null ? null : f.assetsAsOf().toString();
			c[TemplateColumn.VEHICLE_KIND.ordinal()] = f.vehicleKind() == null ? null : TemplateWords.word(f.vehicleKind());
			c[TemplateColumn.VEHICLE_VALUE.ordinal()] = amount(f.vehicleValue());
			c[TemplateColumn.EXTRA_HOMES.ordinal()] = f.extraHomes();
			c[TemplateColumn.REGISTERED_BUSINESSES.ordinal()] = f.businesses();
			c[TemplateColumn.LUXURY_PURCHASE.ordinal()] = amount(f.luxury());
		}
	}

	/** The main cause first, then the secondary ones. */
	private static List<HardshipCause> causes(ExportRow r) {
		List<HardshipCause> all = new ArrayList<>();
		if (r.mainCause() != null) {
			all.add(r.mainCause());
		}
		for (HardshipCause c : r.secondaryCauses()) {
			if (!all.contains(c)) {
				all.add(c);
			}
		}
		return all;
	}

	private static String word(Enum<?> value) {
		return value == null ? null : TemplateWords.word(value);
	}

	private static String text(String value) {
		return value == null || value.isEmpty() ? null : SpreadsheetText.neutralise(value);
	}

	private static String blankToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static BigDecimal amount(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
	}

}

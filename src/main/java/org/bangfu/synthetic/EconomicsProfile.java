package org.bangfu.synthetic;

import static org.bangfu.registry.TemplateColumn.ANNUAL_FARMING;
import static org.bangfu.registry.TemplateColumn.ANNUAL_PENSION;
import static org.bangfu.registry.TemplateColumn.ANNUAL_TRANSFER;
import static org.bangfu.registry.TemplateColumn.CARE_SPENDING;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.EXTRA_HOMES;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.INCOME_MONTH;
import static org.bangfu.registry.TemplateColumn.INCOME_YEAR;
import static org.bangfu.registry.TemplateColumn.LUXURY_PURCHASE;
import static org.bangfu.registry.TemplateColumn.MEDICAL_SPENDING;
import static org.bangfu.registry.TemplateColumn.MONTH_BUSINESS;
import static org.bangfu.registry.TemplateColumn.MONTH_OTHER_INCOME;
import static org.bangfu.registry.TemplateColumn.OTHER_SPENDING;
import static org.bangfu.registry.TemplateColumn.REGISTERED_BUSINESSES;
import static org.bangfu.registry.TemplateColumn.SCHOOLING_SPENDING;
import static org.bangfu.registry.TemplateColumn.SPENDING_YEAR;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_AMOUNT;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_COVERED;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_DATE;
import static org.bangfu.registry.TemplateColumn.SUDDEN_COST_KIND;
import static org.bangfu.registry.TemplateColumn.VEHICLE_KIND;
import static org.bangfu.registry.TemplateColumn.VEHICLE_VALUE;

import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * The optional economics columns of one household as of a month: yearly farming, transfer and
 * pension income for the month's year (kinds a month never repeats, so a file never gives a kind
 * twice for one year), business and other income of the month before, this year's out-of-pocket
 * medical, schooling, care and other spending by what the members look like, a sudden cost in
 * the 12 months before for about one household in 14, and assets (vehicles, homes beyond the one
 * lived in, registered businesses, purchases that rule a family out). Its own random stream, so
 * the other columns do not change with it.
 */
final class EconomicsProfile {

	private static final String[] SUDDEN_KINDS = { "意外事故", "灾害", "突发重病" };

	private static final String[] VEHICLE_KINDS = { "小汽车", "货车", "摩托车", "农用车" };

	private final YearMonth month;

	private final SplittableRandom rng;

	EconomicsProfile(YearMonth month, long seed) {
		this.month = month;
		this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
	}

	void fill(String[][] rows, int[] ages) {
		SplittableRandom r = this.rng;
		String[] head = rows[0];
		head[INCOME_YEAR.ordinal()] = Integer.toString(this.month.getYear());
		head[INCOME_MONTH.ordinal()] = this.month.minusMonths(1).toString();
		head[SPENDING_YEAR.ordinal()] = Integer.toString(this.month.getYear());
		boolean ill = false;
		boolean disabled = false;
		boolean students = false;
		for (int i = 0; i < rows.length; i++) {
			String[] c = rows[i];
			String health = c[HEALTH.ordinal()];
			String employment = c[EMPLOYMENT.ordinal()];
			ill |= "大病".equals(health) || "慢性病".equals(health);
			disabled |= "残疾".equals(health);
			students |= "在校".equals(employment);
			if (ages[i] < 18 || "在校".equals(employment)) {
				continue;
			}
			int u = r.nextInt(100);
			if (u < 25) {
				c[ANNUAL_FARMING.ordinal()] = Amounts.yuan(Amounts.fen(r, 500, 30000));
			}
			if (r.nextInt(100) < 15) {
				c[ANNUAL_TRANSFER.ordinal()] = Amounts.yuan(Amounts.fen(r, 100, 6000));
			}
			if (ages[i] >= 60 && r.nextInt(100) < 40) {
				c[ANNUAL_PENSION.ordinal()] = Amounts.yuan(Amounts.fen(r, 1200, 20000));
			}
			if (r.nextInt(100) < 12) {
				c[MONTH_BUSINESS.ordinal()] = Amounts.yuan(Amounts.fen(r, 100, 5000));
			}
			if (r.nextInt(100) < 5) {
				c[MONTH_OTHER_INCOME.ordinal()] = Amounts.yuan(Amounts.fen(r, 50, 800));
			}
		}
		if (ill && r.nextInt(100) < 70) {
			head[MEDICAL_SPENDING.ordinal()] = Amounts.yuan(Amounts.fen(r, 200, 60000));
		}
		if (students && r.nextInt(100) < 80) {
			head[SCHOOLING_SPENDING.ordinal()] = Amounts.yuan(Amounts.fen(r, 300, 20000));
		}
		if (disabled && r.nextInt(100) < 60) {
			head[CARE_SPENDING.ordinal()] = Amounts.yuan(Amounts.fen(r, 500, 24000));
		}
		if (r.nextInt(100) < 5) {
			head[OTHER_SPENDING.ordinal()] = Amounts.yuan(Amounts.fen(r, 100, 8000));
		}
		if (r.nextInt(100) < 7) {
			long amount = Amounts.fen(r, 1000, 150000);
			head[SUDDEN_COST_KIND.ordinal()] = SUDDEN_KINDS[r.nextInt(SUDDEN_KINDS.length)];
			head[SUDDEN_COST_DATE.ordinal()] = this.month.atDay(1).minusDays(r.nextInt(1, 360)).toString();
			head[SUDDEN_COST_AMOUNT.ordinal()] = Amounts.yuan(amount);
			head[SUDDEN_COST_COVERED.ordinal()] = Amounts.yuan(r.nextInt(100) < 50 ? 0 : amount * r.nextInt(0, 91) / 100);
		}
		if (r.nextInt(100) < 6) {
			head[VEHICLE_KIND.ordinal()] = VEHICLE_KINDS[r.nextInt(VEHICLE_KINDS.length)];
			head[VEHICLE_VALUE.ordinal()] = Amounts.yuan(Amounts.fen(r, 2000, 200000));
		}
		if (r.nextInt(100) < 3) {
			head[EXTRA_HOMES.ordinal()] = "1";
		}
		if (r.nextInt(100) < 4) {
			head[REGISTERED_BUSINESSES.ordinal()] = "1";
		}
		if (r.nextInt(200) == 0) {
			head[LUXURY_PURCHASE.ordinal()] = Amounts.yuan(Amounts.fen(r, 20000, 300000));
		}
	}

}

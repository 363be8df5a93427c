package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.bangfu.registry.TemplateColumn.ANNUAL_RENT;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.BANK_NAME;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.HARDSHIP_CAUSES;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.RELATION;
import static org.bangfu.registry.TemplateColumn.SAVINGS;
import static org.bangfu.registry.TemplateColumn.VEHICLES;

import java.util.SplittableRandom;

/** The household-level columns (and the phone), all on the head row: causes, housing, assets, bank. */
final class HouseholdProfile {

	static final String[] HOUSING_VALUES = { "自有", "租住", "借住", "无房" };

	private static final String[] OTHER_CAUSES = { "住房困难", "意外事故", "灾害", "其他" };

	private static final String[] BANKS = { "中国农业银行", "中国工商银行", "中国建设银行", "中国银行", "中国邮政储蓄银行", "农村商业银行",
			"农村信用合作社" };

	private static final String[] MOBILE_PREFIXES = { "13", "15", "18" };

	private final String[] causes = new String[8];

	/** Fills the household-level columns of {@code rows[0]} (the head) from what the members look like. */
	void fill(String[][] rows, int[] ages, SplittableRandom rng) {
		String[] head = rows[0];
		head[HARDSHIP_CAUSES.ordinal()] = causes(rows, ages, rng);
		int h = rng.nextInt(100);
		String housing = HOUSING_VALUES[h < 62 ? 0 : (h < 84 ? 1 : (h < 95 ? 2 : 3))];
		head[HOUSING.ordinal()] = housing;
		if (housing.equals("租住")) {
			head[ANNUAL_RENT.ordinal()] = Integer.toString(rng.nextInt(12, 301) * 100);
		}
		int v = rng.nextInt(100);
		head[VEHICLES.ordinal()] = v < 92 ? "0" : (v < 99 ? "1" : "2");
		int s = rng.nextInt(100);
		head[SAVINGS.ordinal()] = s < 35 ? "0"
				: Amounts.yuan(s < 80 ? Amounts.fen(rng, 100, 5000)
						: (s < 97 ? Amounts.fen(rng, 5000, 30000) : Amounts.fen(rng, 30000, 100000)));
		head[PHONE.ordinal()] = MOBILE_PREFIXES[rng.nextInt(3)] + Amounts.digits(rng, 9);
		head[BANK_NAME.ordinal()] = BANKS[rng.nextInt(BANKS.length)];
		head[BANK_ACCOUNT.ordinal()] = "62" + Amounts.digits(rng, rng.nextInt(14, 18));
	}

	private String causes(String[][] rows, int[] ages, SplittableRandom rng) {
		boolean ill = false;
		boolean disabled = false;
		boolean student = false;
		boolean jobless = false;
		boolean earner = false;
		boolean spouse = false;
		boolean minor = false;
		for (int i = 0; i < rows.length; i++) {
			String health = rows[i][HEALTH.ordinal()];
			String employment = rows[i][EMPLOYMENT.ordinal()];
			ill |= health.equals("慢性病") || health.equals("大病");
			disabled |= health.equals("残疾");
			student |= employment.equals("在校") && ages[i] >= 15;
			jobless |= employment.equals("失业") || employment.equals("下岗");
			earner |= employment.equals("在岗") || employment.equals("灵活就业");
			spouse |= rows[i][RELATION.ordinal()].equals("配偶");
			minor |= ages[i] < 18;
		}
		int n = 0;
		if (ill) {
			this.causes[n++] = "因病";
		}
		if (disabled) {
			this.causes[n++] = "因残";
		}
		if (student && rng.nextInt(100) < 60) {
			this.causes[n++] = "因学";
		}
		if (!spouse && minor && rows.length > 1) {
			this.causes[n++] = "单亲";
		}
		if (jobless) {
			this.causes[n++] = "失业";
		}
		if (!earner) {
			this.causes[n++] = "缺劳动力";
		}
		if (n == 0) {
			this.causes[n++] = OTHER_CAUSES[rng.nextInt(OTHER_CAUSES.length)];
		}
		return Amounts.join(rng, this.causes, n);
	}

}

package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;
import static org.bangfu.registry.TemplateColumn.RELATION;
import static org.bangfu.registry.TemplateColumn.SEX;

import java.util.SplittableRandom;

/**
 * Spoils a generated household in exactly one way an importer must reject. The duplicate ID
 * number is planted by {@link HouseholdGenerator}, which remembers an earlier household.
 */
final class DefectPlanter {

	private final IdAllocator ids;

	DefectPlanter(IdAllocator ids) {
		this.ids = ids;
	}

	ManifestEntry plant(Defect defect, String ref, String[][] rows, long firstRow, SplittableRandom rng) {
		int n = rows.length;
		int any = rng.nextInt(n);
		int other = n > 1 ? 1 + rng.nextInt(n - 1) : 0;
		int at = any;
		String detail;
		switch (defect) {
			case BAD_CHECK_DIGIT -> {
				String id = rows[any][ID_NUMBER.ordinal()];
				int right = IdNumbers.CHECK_CHARS.indexOf(id.charAt(17));
				char wrong = IdNumbers.CHECK_CHARS.charAt((right + 1 + rng.nextInt(10)) % 11);
				rows[any][ID_NUMBER.ordinal()] = id.substring(0, 17) + wrong;
				detail = "check char " + wrong + " should be " + id.charAt(17);
			}
			case IMPOSSIBLE_BIRTH_DATE -> {
				String id = this.ids.withImpossibleDate(rows[any][ID_NUMBER.ordinal()], rng);
				rows[any][ID_NUMBER.ordinal()] = id;
				detail = "birth date " + id.substring(6, 14);
			}
			case UNKNOWN_REGION_CODE -> {
				at = 0;
				rows[0][REGION_CODE.ordinal()] = "99" + rows[0][REGION_CODE.ordinal()].substring(2);
				detail = "region " + rows[0][REGION_CODE.ordinal()] + " does not exist";
			}
			case MISSING_NAME -> {
				rows[any][NAME.ordinal()] = "";
				detail = "name is empty";
			}
			case TWO_HEADS -> {
				rows[other][RELATION.ordinal()] = HouseholdComposer.HEAD;
				return new ManifestEntry(ref, firstRow + " " + (firstRow + other), defect.column().header(), defect,
						"two rows are 户主");
			}
			case NO_HEAD -> {
				rows[0][RELATION.ordinal()] = "其他";
				StringBuilder all = new StringBuilder().append(firstRow);
				for (int i = 1; i < n; i++) {
					all.append(' ').append(firstRow + i);
				}
				return new ManifestEntry(ref, all.toString(), defect.column().header(), defect, "no row is 户主");
			}
			case NEGATIVE_INCOME -> {
				rows[any][MONTHLY_INCOME.ordinal()] = "-" + Amounts.yuan(Amounts.fen(rng, 300, 3000));
				detail = "income " + rows[any][MONTHLY_INCOME.ordinal()];
			}
			case INCOME_THREE_DECIMALS -> {
				rows[any][MONTHLY_INCOME.ordinal()] = Amounts.yuan(Amounts.fen(rng, 300, 6000)) + (1 + rng.nextInt(9));
				detail = "income " + rows[any][MONTHLY_INCOME.ordinal()];
			}
			case SEX_MISMATCH -> {
				rows[any][SEX.ordinal()] = rows[any][SEX.ordinal()].equals("男") ? "女" : "男";
				detail = "sex " + rows[any][SEX.ordinal()] + " disagrees with the ID number";
			}
			case GRADE_WITHOUT_DISABILITY -> {
				if (rows[any][HEALTH.ordinal()].equals("残疾")) {
					rows[any][HEALTH.ordinal()] = "健康";
				}
				else {
					rows[any][DISABILITY_GRADE.ordinal()] = PersonProfile.GRADES[rng.nextInt(4)];
				}
				detail = "grade " + rows[any][DISABILITY_GRADE.ordinal()] + " with health " + rows[any][HEALTH.ordinal()];
			}
			case BAD_PHONE -> {
				at = 0;
				rows[0][PHONE.ordinal()] = "1" + Amounts.digits(rng, 9);
				detail = "phone " + rows[0][PHONE.ordinal()] + " has 10 digits";
			}
			case BAD_BANK_ACCOUNT -> {
				at = 0;
				rows[0][BANK_ACCOUNT.ordinal()] = "62" + Amounts.digits(rng, 9);
				detail = "account " + rows[0][BANK_ACCOUNT.ordinal()] + " has 11 digits";
			}
			case HOUSEHOLD_VALUE_MISMATCH -> {
				at = other;
				String head = rows[0][HOUSING.ordinal()];
				int i = indexOf(HouseholdProfile.HOUSING_VALUES, head);
				String different = HouseholdProfile.HOUSING_VALUES[(i + 1 + rng.nextInt(3)) % 4];
				rows[other][HOUSING.ordinal()] = different;
				detail = "housing " + different + " but 户主 row says " + head;
			}
			default -> throw new IllegalArgumentException("Not planted here: " + defect);
		}
		return new ManifestEntry(ref, Long.toString(firstRow + at), defect.column().header(), defect, detail);
	}

	private static int indexOf(String[] values, String value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i].equals(value)) {
				return i;
			}
		}
		return 0;
	}

}

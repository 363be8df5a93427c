package org.bangfu.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.shared.Money;

/**
 * Figures derived from a file, never stored: size, monthly and annual income, per-capita
 * monthly income (rounded half up to the fen) and each member's age on a date.
 */
public record HouseholdFigures(LocalDate on, int size, Money monthlyIncome, Money annualIncome,
		Money perCapitaMonthlyIncome, Map<Long, Integer> ages) {

	public static HouseholdFigures of(HouseholdView household, LocalDate on) {
		Money monthly = Money.ZERO;
		Map<Long, Integer> ages = new LinkedHashMap<>();
		for (MemberView m : household.members()) {
			monthly = monthly.plus(m.monthlyIncome());
			ages.put(m.id(), m.age(on));
		}
		int size = household.members().size();
		return new HouseholdFigures(on, size, monthly, monthly.times(12),
				size == 0 ? Money.ZERO : monthly.dividedBy(size), ages);
	}

}

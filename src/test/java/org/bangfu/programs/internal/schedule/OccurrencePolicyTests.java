package org.bangfu.programs.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.programs.ScheduleOccurrence;
import org.junit.jupiter.api.Test;

class OccurrencePolicyTests {

	private static List<LocalDate> dates(String spec, String from, String to) {
		return OccurrencePolicy.between(ScheduleSpecPolicy.parse(spec), LocalDate.parse(from), LocalDate.parse(to))
			.stream()
			.map(ScheduleOccurrence::date)
			.toList();
	}

	@Test
	void doubleNinthOf2026IsOctober18WithItsChineseName() {
		List<ScheduleOccurrence> o = OccurrencePolicy.between(ScheduleSpecPolicy.parse("lunar 09-09"),
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
		assertThat(o).singleElement().satisfies(x -> {
			assertThat(x.date()).isEqualTo(LocalDate.of(2026, 10, 18));
			assertThat(x.descriptionZh()).isEqualTo("农历九月初九（重阳节）");
			assertThat(x.descriptionEn()).isEqualTo("Lunar 9/9 (Double Ninth Festival)");
			assertThat(x.lunar().chinese()).isEqualTo("九月初九");
		});
	}

	@Test
	void monthlyOnThe31stPaysOnTheLastDayOfShortMonths() {
		assertThat(dates("monthly 31", "2026-01-01", "2026-04-30")).containsExactly(LocalDate.of(2026, 1, 31),
				LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
		assertThat(dates("monthly 5", "2026-01-06", "2026-03-05")).containsExactly(LocalDate.of(2026, 2, 5),
				LocalDate.of(2026, 3, 5));
	}

	@Test
	void quarterlyAndYearlyAndOnce() {
		assertThat(dates("quarterly 2 15", "2026-01-01", "2026-12-31")).containsExactly(LocalDate.of(2026, 2, 15),
				LocalDate.of(2026, 5, 15), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 15));
		assertThat(dates("month 8", "2026-01-01", "2027-12-31")).containsExactly(LocalDate.of(2026, 8, 1),
				LocalDate.of(2027, 8, 1));
		assertThat(dates("month 2 29", "2027-01-01", "2028-12-31")).containsExactly(LocalDate.of(2027, 2, 28),
				LocalDate.of(2028, 2, 29));
		assertThat(dates("date 2026-10-18", "2026-10-18", "2026-10-18")).containsExactly(LocalDate.of(2026, 10, 18));
		assertThat(dates("date 2026-10-18", "2026-10-19", "2027-10-18")).isEmpty();
	}

	@Test
	void aLunarDeadlineInJanuaryBelongsToTheGregorianYearItFallsIn() {
		// 腊月二十五 of lunar 2025 is 2026-02-12; of lunar 2026, 2027-02-01: one each Gregorian year
		assertThat(dates("lunar 12-25 before", "2026-01-01", "2026-12-31")).containsExactly(LocalDate.of(2026, 2, 12));
		assertThat(dates("lunar 12-25 before", "2027-01-01", "2027-12-31")).containsExactly(LocalDate.of(2027, 2, 1));
		assertThat(OccurrencePolicy.lunarZh(new org.bangfu.programs.ScheduleSpec.Lunar(12, 25, true)))
			.isEqualTo("农历腊月二十五前");
	}

	@Test
	void festivalsOf2027InDateOrderIncludeNewYearsEveOfTheYearBefore() {
		List<ScheduleOccurrence> f = OccurrencePolicy.festivals(2027);
		assertThat(f).extracting(ScheduleOccurrence::date).isSorted();
		// 腊八 of lunar 2026 is in January; 腊月 has 29 days, so 除夕 is 廿九, the eve of 春节 2027-02-06
		assertThat(f.get(0).descriptionZh()).isEqualTo("农历腊月初八（腊八节）");
		assertThat(f.get(1).descriptionZh()).isEqualTo("农历腊月二十九（除夕）");
		assertThat(f.get(1).date()).isEqualTo(LocalDate.of(2027, 2, 5));
		assertThat(f.get(2).descriptionZh()).isEqualTo("农历正月初一（春节）");
		assertThat(f.get(2).date()).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(f.get(f.size() - 1).date()).isEqualTo(LocalDate.of(2027, 10, 8));
		assertThat(f).hasSize(8);
		assertThat(f).extracting(ScheduleOccurrence::descriptionZh).contains("农历九月初九（重阳节）", "农历八月十五（中秋节）");
	}

}

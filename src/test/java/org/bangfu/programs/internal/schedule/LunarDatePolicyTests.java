package org.bangfu.programs.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bangfu.programs.LunarDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lunar festivals 2024–2032 against an independent table (the official calendar). ICU4J alone
 * gives 2027-02-07 and 2030-02-02 for Spring Festival; the official dates are 02-06 and 02-03.
 */
class LunarDatePolicyTests {

	@ParameterizedTest(name = "{0}: 春节 {1}, 中秋 {2}, 重阳 {3}")
	@CsvSource({
			"2024, 2024-02-10, 2024-09-17, 2024-10-11",
			"2025, 2025-01-29, 2025-10-06, 2025-10-29",
			"2026, 2026-02-17, 2026-09-25, 2026-10-18",
			"2027, 2027-02-06, 2027-09-15, 2027-10-08",
			"2028, 2028-01-26, 2028-10-03, 2028-10-26",
			"2029, 2029-02-13, 2029-09-22, 2029-10-16",
			"2030, 2030-02-03, 2030-09-12, 2030-10-05",
			"2031, 2031-01-23, 2031-10-01, 2031-10-24",
			"2032, 2032-02-11, 2032-09-19, 2032-10-12" })
	void festivalsFallOnTheOfficialDates(int year, LocalDate springFestival, LocalDate midAutumn, LocalDate doubleNinth) {
		assertThat(LunarDatePolicy.toGregorian(year, 1, 1)).isEqualTo(springFestival);
		assertThat(LunarDatePolicy.toGregorian(year, 8, 15)).isEqualTo(midAutumn);
		assertThat(LunarDatePolicy.toGregorian(year, 9, 9)).isEqualTo(doubleNinth);
		assertThat(LunarDatePolicy.toLunar(springFestival)).isEqualTo(new LunarDate(year, 1, false, 1));
		assertThat(LunarDatePolicy.toLunar(doubleNinth)).isEqualTo(new LunarDate(year, 9, false, 9));
	}

	@Test
	void theDayBeforeACorrectedSpringFestivalIsNewYearsEve() {
		// 2027: 腊月 has 29 days, so 腊月三十 falls back to 廿九, the eve of 2027-02-06
		assertThat(LunarDatePolicy.toGregorian(2026, 12, 30)).isEqualTo(LocalDate.of(2027, 2, 5));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2027, 2, 5))).isEqualTo(new LunarDate(2026, 12, false, 29));
		// 2030: 腊月 has 30 days, its 30th is 2030-02-02
		assertThat(LunarDatePolicy.toGregorian(2029, 12, 30)).isEqualTo(LocalDate.of(2030, 2, 2));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2030, 2, 2))).isEqualTo(new LunarDate(2029, 12, false, 30));
		assertThat(LunarDatePolicy.monthLength(2026, 12)).isEqualTo(29);
		assertThat(LunarDatePolicy.monthLength(2029, 12)).isEqualTo(30);
	}

	@Test
	void aMissingThirtiethIsTheLastDayOfTheMonth() {
		// 腊月 of the lunar year 2025 has 29 days: 腊月三十 is 廿九, the eve of 2026-02-17
		assertThat(LunarDatePolicy.monthLength(2025, 12)).isEqualTo(29);
		assertThat(LunarDatePolicy.toGregorian(2025, 12, 30)).isEqualTo(LocalDate.of(2026, 2, 16));
		assertThat(LunarDatePolicy.toGregorian(2025, 12, 29)).isEqualTo(LocalDate.of(2026, 2, 16));
		// 腊月 of 2023 has 30 days: 除夕 2024-02-09
		assertThat(LunarDatePolicy.toGregorian(2023, 12, 30)).isEqualTo(LocalDate.of(2024, 2, 9));
	}

	@Test
	void festivalsFallInTheOrdinaryMonthNotTheLeapMonth() {
		// 2025 has a leap 6th month (闰六月, from 2025-07-25): 6/15 is in the ordinary month
		assertThat(LunarDatePolicy.toGregorian(2025, 6, 15)).isEqualTo(LocalDate.of(2025, 7, 9));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2025, 8, 8))).isEqualTo(new LunarDate(2025, 6, true, 15));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2025, 8, 8)).chinese()).isEqualTo("闰六月十五");
		// 2023 has a leap 2nd month: 2/2 is 2023-02-21, the leap 2/2 a month later
		assertThat(LunarDatePolicy.toGregorian(2023, 2, 2)).isEqualTo(LocalDate.of(2023, 2, 21));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2023, 3, 23))).isEqualTo(new LunarDate(2023, 2, true, 2));
	}

	@Test
	void plan6DeadlineOf2026IsTheTwentyFifthOfTheTwelfthMonth() {
		// 腊月二十五 of the lunar year 2026 falls on 2027-02-01
		assertThat(LunarDatePolicy.toGregorian(2026, 12, 25)).isEqualTo(LocalDate.of(2027, 2, 1));
		assertThat(LunarDatePolicy.toLunar(LocalDate.of(2027, 2, 1)).chinese()).isEqualTo("腊月二十五");
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "1954-02-03, 正月初一", "1999-01-17, 腊月初一", "2012-08-23, 七月初七", "2018-11-08, 十月初一",
			"2018-11-07, 九月三十", "2070-03-12, 二月初一" })
	void monthsWhoseNewMoonIsCloseToMidnightStartOnTheOfficialDay(LocalDate date, String lunar) {
		assertThat(LunarDatePolicy.toLunar(date).chinese()).isEqualTo(lunar);
	}

	@Test
	void everyCorrectedMonthAndTheMonthBeforeItHave29Or30Days() {
		LunarDatePolicy.OFFICIAL_MONTH_STARTS.values().forEach(start -> {
			assertThat(LunarDatePolicy.toLunar(start).day()).isEqualTo(1);
			assertThat(LunarDatePolicy.toLunar(start.minusDays(1)).day()).isBetween(29, 30);
			LunarDate first = LunarDatePolicy.toLunar(start);
			assertThat(LunarDatePolicy.monthLength(first.year(), first.month())).isBetween(29, 30);
		});
	}

	@Test
	void datesFarFromTodayResolveToo() {
		assertThat(LunarDatePolicy.toGregorian(1950, 1, 1)).isEqualTo(LocalDate.of(1950, 2, 17));
		assertThat(LunarDatePolicy.toGregorian(2050, 1, 1)).isEqualTo(LocalDate.of(2050, 1, 23));
	}

}

package org.bangfu.programs.internal.schedule;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;

import org.bangfu.programs.LunarDate;
import org.junit.jupiter.api.Test;

/** Properties of the lunar conversion over two centuries: both directions undo each other. */
class LunarRoundTripTests {

	@Test
	void lunarToGregorianToLunarRoundTrips() {
		qt().withExamples(1000)
			.forAll(integers().between(1901, 2098), integers().between(1, 12), integers().between(1, 30))
			.check((year, month, day) -> {
				LocalDate date = LunarDatePolicy.toGregorian(year, month, day);
				LunarDate back = LunarDatePolicy.toLunar(date);
				int expectedDay = Math.min(day, LunarDatePolicy.monthLength(year, month));
				return back.equals(new LunarDate(year, month, false, expectedDay));
			});
	}

	@Test
	void gregorianToLunarToGregorianRoundTripsOutsideLeapMonths() {
		qt().withExamples(1000)
			.forAll(integers().between(0, 72000))
			.check(n -> {
				LocalDate date = LocalDate.of(1901, 3, 1).plusDays(n);
				LunarDate lunar = LunarDatePolicy.toLunar(date);
				return lunar.day() >= 1 && lunar.day() <= 30
						&& (lunar.leap() || LunarDatePolicy.toGregorian(lunar.year(), lunar.month(), lunar.day()).equals(date));
			});
	}

	@Test
	void consecutiveDaysHaveConsecutiveLunarDays() {
		qt().withExamples(500)
			.forAll(integers().between(0, 72000))
			.check(n -> {
				LocalDate date = LocalDate.of(1901, 3, 1).plusDays(n);
				LunarDate a = LunarDatePolicy.toLunar(date);
				LunarDate b = LunarDatePolicy.toLunar(date.plusDays(1));
				return b.day() == a.day() + 1 ? b.month() == a.month() && b.leap() == a.leap()
						: b.day() == 1 && (a.day() == 29 || a.day() == 30);
			});
	}

}

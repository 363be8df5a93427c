package org.bangfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.reporting.internal.DeadlinePolicy;
import org.bangfu.reporting.internal.ScorePolicy;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

/** Periods, deadline rules and points, each against a hand computation. */
class ReportingPolicyTests {

	@Test
	void periodsParseAndStepBack() {
		ReportPeriod q = ReportPeriod.parse("2026-Q3");
		assertThat(q.from()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(q.previous().key()).isEqualTo("2026-Q2");
		assertThat(ReportPeriod.parse("2026-01").previous().key()).isEqualTo("2025-12");
		assertThat(ReportPeriod.containing(ReportPeriod.PeriodKind.YEAR, LocalDate.of(2026, 3, 1)).to())
			.isEqualTo(LocalDate.of(2026, 12, 31));
		assertThatThrownBy(() -> ReportPeriod.parse("2026-Q5")).isInstanceOf(BangfuException.class);
		assertThatThrownBy(() -> ReportPeriod.parse("2026-13")).isInstanceOf(BangfuException.class);
	}

	@Test
	void deadlinesFollowTheRule() {
		// weekends only: the 5th working day after 2026-09-30 (a Wednesday) is Wednesday 2026-10-07
		assertThat(DeadlinePolicy.deadline("WORKDAY:5", ReportPeriod.parse("2026-Q3"), ReportingPolicyTests::weekdays))
			.isEqualTo(LocalDate.of(2026, 10, 7));
		assertThat(DeadlinePolicy.deadline("DATE:10-15", ReportPeriod.parse("2026"), ReportingPolicyTests::weekdays))
			.isEqualTo(LocalDate.of(2026, 10, 15));
		LocalDate due = LocalDate.of(2026, 10, 15);
		assertThat(DeadlinePolicy.remindOn(LocalDate.of(2026, 10, 4), due, 10)).isFalse();
		assertThat(DeadlinePolicy.remindOn(LocalDate.of(2026, 10, 5), due, 10)).isTrue();
		assertThat(DeadlinePolicy.remindOn(due, due, 10)).isTrue();
		assertThat(DeadlinePolicy.remindOn(due.plusDays(1), due, 10)).isFalse();
	}

	@Test
	void pointsAreTheShareOfTheTargetCappedAndRoundedOnce() {
		// 2 of 3 paired, target 100 %, weight 20: 20 x 2/3 = 13.333.. -> 13.33
		assertThat(ScorePolicy.points(new BigDecimal("20"), new BigDecimal("100"), 2, 3)).isEqualByComparingTo("13.33");
		// 85 of 100 paid against a 90 % target, weight 15: 15 x 85/90 = 14.1666.. -> 14.17
		assertThat(ScorePolicy.points(new BigDecimal("15"), new BigDecimal("90"), 85, 100)).isEqualByComparingTo("14.17");
		// above the target is capped at the weight; nothing to measure counts as met
		assertThat(ScorePolicy.points(new BigDecimal("15"), new BigDecimal("90"), 95, 100)).isEqualByComparingTo("15.00");
		assertThat(ScorePolicy.points(new BigDecimal("10"), new BigDecimal("100"), 0, 0)).isEqualByComparingTo("10.00");
		assertThat(ScorePolicy.percent(2, 3)).isEqualByComparingTo("66.67");
		assertThat(ScorePolicy.ranks(List.of(new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("80")), b -> b))
			.containsExactly(1, 1, 3);
	}

	private static LocalDate weekdays(LocalDate from, int n) {
		LocalDate d = from;
		for (int left = n; left > 0;) {
			d = d.plusDays(1);
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return d;
	}

}

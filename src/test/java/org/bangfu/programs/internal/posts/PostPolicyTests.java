package org.bangfu.programs.internal.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

/** What a month pays: the whole amount in post all month, pro rata by days when starting or leaving, nothing after. */
class PostPolicyTests {

	private static final YearMonth NOV = YearMonth.of(2026, 11);

	private static final YearMonth FEB = YearMonth.of(2028, 2);

	@Test
	void aWholeMonthPaysTheMonthlyAmountExactly() {
		assertThat(PostPolicy.monthFen(80000, NOV, LocalDate.of(2020, 1, 1), null)).isEqualTo(80000);
		assertThat(PostPolicy.monthFen(80001, NOV, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEqualTo(80001);
	}

	@Test
	void aPartMonthPaysByCalendarDaysRoundedOnceToTheFen() {
		// 1,000.00 × 10 ÷ 30 = 333.333… → 333.33
		assertThat(PostPolicy.monthFen(100000, NOV, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 10))).isEqualTo(33333);
		// 1,000.00 × 20 ÷ 30 = 666.666… → 666.67
		assertThat(PostPolicy.monthFen(100000, NOV, LocalDate.of(2026, 11, 11), null)).isEqualTo(66667);
		// a leap February has 29 days: 900.00 × 1 ÷ 29 = 31.034… → 31.03
		assertThat(PostPolicy.monthFen(90000, FEB, LocalDate.of(2028, 2, 29), null)).isEqualTo(3103);
	}

	@Test
	void nothingFromTheDayAfterLeavingNorBeforeStarting() {
		assertThat(PostPolicy.monthFen(80000, NOV, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31))).isZero();
		assertThat(PostPolicy.monthFen(80000, NOV, LocalDate.of(2026, 12, 1), null)).isZero();
	}

	@Test
	void tiersAndAmountsAreChecked() {
		assertThatThrownBy(() -> PostPolicy.tier(6)).isInstanceOfSatisfying(BangfuException.class,
				e -> assertThat(e.messageKey()).isEqualTo("posts.tier.invalid"));
		assertThatThrownBy(() -> PostPolicy.monthlyFen(new BigDecimal("0.001"))).isInstanceOf(BangfuException.class);
		assertThatThrownBy(() -> PostPolicy.monthlyFen(BigDecimal.ZERO)).isInstanceOfSatisfying(BangfuException.class,
				e -> assertThat(e.messageKey()).isEqualTo("posts.tier.amount.positive"));
		assertThat(PostPolicy.monthlyFen(new BigDecimal("800.50"))).isEqualTo(80050);
	}

}

package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

/** Next-due dates across month ends, quarters, leap years and rolling intervals. */
class VisitFrequencyTests {

	static final VisitFrequency MONTHLY = new VisitFrequency(Frequency.MONTHLY, null);

	static final VisitFrequency QUARTERLY = new VisitFrequency(Frequency.QUARTERLY, null);

	@Test
	void monthlyIsDueByTheEndOfTheFollowingCalendarMonth() {
		assertThat(MONTHLY.nextDue(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(MONTHLY.nextDue(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(MONTHLY.nextDue(LocalDate.of(2028, 1, 31))).as("leap year").isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(MONTHLY.nextDue(LocalDate.of(2026, 12, 15))).as("across the year").isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(MONTHLY.nextDue(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void quarterlyIsDueByTheEndOfTheFollowingCalendarQuarter() {
		assertThat(QUARTERLY.nextDue(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(QUARTERLY.nextDue(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(QUARTERLY.nextDue(LocalDate.of(2025, 12, 31))).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(QUARTERLY.nextDue(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2027, 3, 31));
	}

	@Test
	void everyNDaysRollsFromTheLastVisit() {
		assertThat(new VisitFrequency(Frequency.DAYS, 45).nextDue(LocalDate.of(2026, 1, 20))).isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(new VisitFrequency(Frequency.DAYS, 30).nextDue(LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 3, 2));
		assertThatThrownBy(() -> new VisitFrequency(Frequency.DAYS, null)).isInstanceOf(BangfuException.class);
		assertThatThrownBy(() -> new VisitFrequency(Frequency.DAYS, 0)).isInstanceOf(BangfuException.class);
	}

}

package org.bangfu.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which dates a new figure may change: its own period, or for a correction both periods together. */
class StandardCorrectionPolicyTests {

	static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

	static final LocalDate DECEMBER = LocalDate.of(2026, 12, 31);

	@Test
	void aNewFigureChangesItsOwnPeriod() {
		assertThat(StandardCorrectionPolicy.affectedUntil(false, null, JUNE)).isEqualTo(JUNE);
		assertThat(StandardCorrectionPolicy.affectedUntil(false, null, null)).isNull();
	}

	@Test
	void shorteningAnOpenFigureChangesEveryLaterDateToo() {
		assertThat(StandardCorrectionPolicy.affectedUntil(true, null, JUNE)).isNull();
		assertThat(StandardCorrectionPolicy.affectedUntil(true, DECEMBER, JUNE)).isEqualTo(DECEMBER);
	}

	@Test
	void reopeningOrExtendingAFigureChangesTheDaysItCoversAgain() {
		assertThat(StandardCorrectionPolicy.affectedUntil(true, JUNE, null)).isNull();
		assertThat(StandardCorrectionPolicy.affectedUntil(true, JUNE, DECEMBER)).isEqualTo(DECEMBER);
	}

}

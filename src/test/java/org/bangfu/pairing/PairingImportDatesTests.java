package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** Dates in a pairing file as people and Excel write them. */
class PairingImportDatesTests {

	static final LocalDate MARCH_FIRST = LocalDate.of(2026, 3, 1);

	@Test
	void theUsualChineseAndIsoSpellingsAndExcelDateCellsAreRead() {
		long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), MARCH_FIRST);
		for (String text : new String[] { "2026-03-01", "2026-3-1", "2026/3/1", "2026.03.01", "2026年3月1日",
				"2026 年 3 月 1 日", "20260301", "2026-03-01 00:00:00", "2026-03-01T08:00", String.valueOf(serial),
				serial + ".0" }) {
			assertThat(PairingImports.parseDate(text)).as(text).isEqualTo(MARCH_FIRST);
		}
	}

	@Test
	void impossibleOrUnreadableDatesAreNone() {
		for (String text : new String[] { "2026-02-30", "2026-13-01", "3/1/2026", "明年", "123", "2026-03-01x", "99999999" }) {
			assertThat(PairingImports.parseDate(text)).as(text).isNull();
		}
	}

}

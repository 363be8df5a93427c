package org.bangfu.programs.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.bangfu.programs.EventKind;
import org.bangfu.programs.ScheduleSpec;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleSpecPolicyTests {

	@Test
	void readsEveryForm() {
		assertThat(ScheduleSpecPolicy.parse("date 2026-10-18")).isEqualTo(new ScheduleSpec.Once(LocalDate.of(2026, 10, 18)));
		assertThat(ScheduleSpecPolicy.parse("monthly 5")).isEqualTo(new ScheduleSpec.Monthly(5));
		assertThat(ScheduleSpecPolicy.parse("quarterly 1 15")).isEqualTo(new ScheduleSpec.Quarterly(1, 15));
		assertThat(ScheduleSpecPolicy.parse("month 8")).isEqualTo(new ScheduleSpec.Yearly(8, 1));
		assertThat(ScheduleSpecPolicy.parse("month 8 20")).isEqualTo(new ScheduleSpec.Yearly(8, 20));
		assertThat(ScheduleSpecPolicy.parse("lunar 09-09")).isEqualTo(new ScheduleSpec.Lunar(9, 9, false));
		assertThat(ScheduleSpecPolicy.parse("  LUNAR   12-25  before ")).isEqualTo(new ScheduleSpec.Lunar(12, 25, true));
		assertThat(ScheduleSpecPolicy.parse("event heat_orange")).isEqualTo(new ScheduleSpec.OnEvent(EventKind.HEAT_ORANGE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "date 2026-10-18", "monthly 5", "quarterly 3 31", "month 8", "month 2 29", "lunar 01-01",
			"lunar 12-25 before", "event FLOOD", "event OTHER" })
	void canonicalTextRoundTrips(String text) {
		assertThat(ScheduleSpecPolicy.parse(text).text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"''|schedules.spec.required",
			"weekly 3|schedules.spec.unknown",
			"date 2026-13-01|schedules.spec.date",
			"monthly 0|schedules.spec.day",
			"monthly 32|schedules.spec.day",
			"quarterly 4 1|schedules.spec.quarterMonth",
			"month 13|schedules.spec.month",
			"month 2 30|schedules.spec.day",
			"lunar 13-01|schedules.spec.lunarMonth",
			"lunar 09-31|schedules.spec.lunarDay",
			"lunar 09-09 after|schedules.spec.unknown",
			"event EARTHQUAKE|schedules.spec.eventKind" })
	void refusesBadTextWithAMessageForTheSpecField(String text, String key) {
		assertThatThrownBy(() -> ScheduleSpecPolicy.parse(text)).isInstanceOfSatisfying(BangfuException.class, ex -> {
			assertThat(ex.messageKey()).isEqualTo(key);
			assertThat(ex.field()).isEqualTo("spec");
		});
	}

}

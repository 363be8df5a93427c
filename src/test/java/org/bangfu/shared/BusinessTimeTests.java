package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Times for people are in the business time zone whatever the JVM's zone, and templates only format them that way. */
class BusinessTimeTests {

	static final Instant STEP = Instant.parse("2026-11-28T14:04:00Z");

	@Test
	void aMomentIsShownInBeijingWhateverTheJvmZone() {
		TimeZone before = TimeZone.getDefault();
		try {
			for (String zone : List.of("UTC", "America/New_York", "Asia/Shanghai")) {
				TimeZone.setDefault(TimeZone.getTimeZone(zone));
				assertThat(BusinessTime.minutes(STEP)).as(zone).isEqualTo("2026-11-28 22:04");
				assertThat(BusinessTime.seconds(STEP.atOffset(ZoneOffset.UTC))).as(zone).isEqualTo("2026-11-28 22:04:00");
				assertThat(BusinessTime.date(Instant.parse("2026-11-28T17:00:00Z"))).as(zone).isEqualTo("2026-11-29");
				assertThat(BusinessTime.date(java.util.Date.from(STEP))).as(zone).isEqualTo("2026-11-28");
			}
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

	@Test
	void localDatesAreShownAsTheyAreAndNullIsEmpty() {
		assertThat(BusinessTime.date(LocalDate.of(2026, 11, 28))).isEqualTo("2026-11-28");
		assertThat(BusinessTime.minutes(OffsetDateTime.parse("2026-11-28T22:04:00+08:00"))).isEqualTo("2026-11-28 22:04");
		assertThat(BusinessTime.minutes(null)).isEmpty();
	}

	@Test
	void templatesFormatTimesThroughTheBusinessZone() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			assertThat(files.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					return Files.readString(p).contains("#temporals");
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList()).as("templates using #temporals (the JVM's zone) instead of #times").isEmpty();
		}
	}

}

package org.bangfu.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Time in the business time zone ({@code bangfu.time-zone}, default Asia/Shanghai, whatever the
 * server's or the JVM's zone); injectable so tests can move it. Text for people is made by
 * {@link BusinessTime}.
 */
public class BusinessClock {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static volatile ZoneId zone = DEFAULT_ZONE;

	private volatile Clock clock;

	public BusinessClock(Clock clock) {
		this.clock = clock.withZone(zone);
	}

	public static BusinessClock system() {
		return new BusinessClock(Clock.system(zone));
	}

	/** The business time zone. */
	public static ZoneId zone() {
		return zone;
	}

	/** Sets the business time zone for the process (from {@code bangfu.time-zone}, before the application starts). */
	public static void useZone(ZoneId businessZone) {
		zone = businessZone;
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** For tests: set the clock. */
	public void set(Clock clock) {
		this.clock = clock.withZone(zone);
	}

}

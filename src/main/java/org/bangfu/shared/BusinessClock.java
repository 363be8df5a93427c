package org.bangfu.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Time in the business time zone (Asia/Shanghai); injectable so tests can move it. */
public class BusinessClock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private volatile Clock clock;

	public BusinessClock(Clock clock) {
		this.clock = clock.withZone(ZONE);
	}

	public static BusinessClock system() {
		return new BusinessClock(Clock.system(ZONE));
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** For tests: set the clock. */
	public void set(Clock clock) {
		this.clock = clock.withZone(ZONE);
	}

}

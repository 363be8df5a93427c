package org.bangfu.platform;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.bangfu.shared.BusinessClock;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sets the business time zone from {@code bangfu.time-zone} (env {@code BANGFU_TIME_ZONE},
 * default Asia/Shanghai) before any bean exists: every date and time the application shows,
 * prints or exports, and every "today", is in this zone, whatever the server's or the JVM's.
 */
public class BusinessTimeZoneEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		String id = env.getProperty("bangfu.time-zone", BusinessClock.DEFAULT_ZONE.getId());
		try {
			BusinessClock.useZone(ZoneId.of(id.strip()));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					"bangfu.time-zone must be a time zone id such as Asia/Shanghai or Asia/Urumqi, not '" + id + "'", ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}

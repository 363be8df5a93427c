package org.bangfu.platform.db;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, as last seen: probed every {@code bangfu.db.probe-interval}
 * (default 1 s) on a thread of its own, and marked down at once when a request fails for want of
 * a connection. While it is down, pages and the API answer 503 at once instead of each waiting
 * for connections (see {@code DatabaseOutageFilter}).
 */
@Component
public class DatabaseAvailability implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DataSource dataSource;

	private final ScheduledExecutorService probe;

	private volatile boolean up = true;

	DatabaseAvailability(DataSource dataSource, @Value("${bangfu.db.probe-interval:1s}") java.time.Duration interval) {
		this.dataSource = dataSource;
		this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "bangfu-db-probe");
			t.setDaemon(true);
			return t;
		});
		this.probe.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	public boolean up() {
		return up;
	}

	/** A request found the database unreachable: down until the next successful probe. */
	public void failed() {
		if (up) {
			log.warn("The database is unreachable: requests are answered 503 until it is back");
		}
		up = false;
	}

	void probe() {
		boolean now;
		try (Connection c = dataSource.getConnection()) {
			now = c.isValid(2);
		}
		catch (Exception ex) {
			now = false;
		}
		if (now && !up) {
			log.info("The database is back");
		}
		else if (!now && up) {
			log.warn("The database is unreachable: requests are answered 503 until it is back");
		}
		up = now;
	}

	@Override
	public void destroy() {
		probe.shutdownNow();
	}

}

package org.bangfu.platform;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupData} once while the context starts, in a lifecycle phase before the
 * web server's (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}) and so before readiness
 * turns to ACCEPTING_TRAFFIC. A failure stops the start.
 */
@Component
class StartupDataLoader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StartupDataLoader.class);

	/** Before the web server (DEFAULT_PHASE - 2048) and its graceful shutdown (DEFAULT_PHASE - 1024). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final List<StartupData> data;

	private volatile boolean running;

	StartupDataLoader(List<StartupData> data) {
		this.data = data.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		for (StartupData each : data) {
			long t = System.nanoTime();
			try {
				each.load();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Loading " + each.getClass().getSimpleName() + " failed", ex);
			}
			log.debug("{} loaded in {} ms", each.getClass().getSimpleName(), (System.nanoTime() - t) / 1_000_000);
		}
		running = true;
		log.info("Start-up data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}

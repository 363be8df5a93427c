package org.bangfu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every 20 ms on a daemon thread while a step runs and keeps the
 * maximum. Used heap includes garbage not yet collected, so this over-states what the step
 * needs; the bench profile also runs with -Xmx512m, which proves the bound outright.
 */
final class HeapWatch implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final Thread sampler;

	private volatile boolean running = true;

	private volatile long peak;

	HeapWatch() {
		System.gc();
		this.peak = memory.getHeapMemoryUsage().getUsed();
		this.sampler = new Thread(() -> {
			while (running) {
				peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	long peakMegabytes() {
		return peak / (1024 * 1024);
	}

	static long maxHeapMegabytes() {
		return Runtime.getRuntime().maxMemory() / (1024 * 1024);
	}

	@Override
	public void close() {
		running = false;
		sampler.interrupt();
	}

}

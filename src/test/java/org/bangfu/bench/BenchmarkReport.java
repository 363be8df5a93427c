package org.bangfu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.SpringBootVersion;

/**
 * The benchmark table as Markdown, with the machine, versions and date; written into
 * docs/benchmarks.md between markers for its size, so each run replaces its own section.
 */
final class BenchmarkReport {

	private BenchmarkReport() {
	}

	static String markdown(int households, long rows, List<Measurement> lines, String postgresVersion) {
		StringBuilder md = new StringBuilder();
		md.append("### N = ").append(String.format("%,d", households)).append(" households (")
			.append(String.format("%,d", rows)).append(" rows)\n\n");
		md.append(String.format("%s · %d cores · %d GB RAM · Java %s · heap max %d MB · Spring Boot %s · %s%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), totalMemoryGb(),
				System.getProperty("java.version"), HeapWatch.maxHeapMegabytes(), SpringBootVersion.getVersion(),
				postgresVersion));
		md.append("| step | Bangfu | reference | ratio | goal | met | note |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (Measurement m : lines) {
			md.append("| ").append(m.step()).append(" | ").append(m.bangfu()).append(" | ").append(m.reference())
				.append(" | ").append(m.ratioText()).append(" | ").append(m.goal()).append(" | ")
				.append(m.met() ? "yes" : "**no**").append(" | ").append(m.note()).append(" |\n");
		}
		return md.toString();
	}

	/** Replaces (or appends) this size's section of docs/benchmarks.md. */
	static void write(Path doc, String households, String section) {
		String begin = "<!-- harness:" + households + ":begin -->";
		String end = "<!-- harness:" + households + ":end -->";
		try {
			String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
			String block = begin + "\n" + section + end;
			int from = text.indexOf(begin);
			int to = text.indexOf(end);
			if (from >= 0 && to > from) {
				text = text.substring(0, from) + block + text.substring(to + end.length());
			}
			else {
				text = text.stripTrailing() + "\n\n" + block + "\n";
			}
			Files.writeString(doc, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long totalMemoryGb() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return 0;
	}

}

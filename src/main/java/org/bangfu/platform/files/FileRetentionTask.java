package org.bangfu.platform.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.RecurringTask;
import org.bangfu.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retention rule for files kept only for a while: uploaded import files (a job deletes its own
 * when it ends; this removes those a crash or a refusal left) and import error reports are deleted
 * {@code bangfu.files.retention.import-days} (30) days after they were written, by one instance,
 * every {@code bangfu.files.retention.check-interval} (6 hours). Data that must be kept (case
 * documents, visit photos, signed pages, bank files) lives in other areas and is never touched.
 */
@Component
public class FileRetentionTask implements RecurringTask, JobHandler {

	public static final String KIND = "platform.file-retention";

	/** The areas of files kept only for a while. */
	static final List<String> TEMPORARY_AREAS = List.of("imports", "import-reports", "pairing-imports",
			"pairing-import-reports", "villages");

	/** Exports of personal data (the register's export jobs): kept a shorter while. */
	static final List<String> EXPORT_AREAS = List.of("exports");

	private static final Logger log = LoggerFactory.getLogger(FileRetentionTask.class);

	private final FileStore files;

	private final BusinessClock clock;

	private final Duration keep;

	private final Duration keepExports;

	private final Duration interval;

	FileRetentionTask(FileStore files, BusinessClock clock,
			@Value("${bangfu.files.retention.import-days:30}") int importDays,
			@Value("${bangfu.files.retention.export-days:7}") int exportDays,
			@Value("${bangfu.files.retention.check-interval:6h}") Duration interval) {
		if (importDays < 1) {
			throw new IllegalArgumentException("bangfu.files.retention.import-days must be at least 1: " + importDays);
		}
		if (exportDays < 1) {
			throw new IllegalArgumentException("bangfu.files.retention.export-days must be at least 1: " + exportDays);
		}
		this.keepExports = Duration.ofDays(exportDays);
		this.files = files;
		this.clock = clock;
		this.keep = Duration.ofDays(importDays);
		this.interval = interval;
	}

	@Override
	public String name() {
		return KIND;
	}

	@Override
	public Duration interval() {
		return interval;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String run(JobContext context) throws IOException {
		return "files deleted: " + purge();
	}

	/** Deletes the temporary files written before the retention period; returns how many. */
	public int purge() throws IOException {
		return purge(TEMPORARY_AREAS, clock.now().minus(keep)) + purge(EXPORT_AREAS, clock.now().minus(keepExports));
	}

	private int purge(List<String> areas, Instant before) throws IOException {
		int deleted = 0;
		for (String area : areas) {
			Path root = files.area(area);
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> all = Files.walk(root)) {
				for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
					try {
						if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
							deleted++;
						}
					}
					catch (IOException ex) {
						log.warn("Cannot delete expired file {}: {}", file, ex.getMessage());
					}
				}
			}
		}
		deleted += files.purgeStored(areas, before);
		return deleted;
	}

}

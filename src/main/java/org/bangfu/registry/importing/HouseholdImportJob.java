package org.bangfu.registry.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.ImportView;
import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The background job of an uploaded import ({@code {"importId": 7}}): runs it as the user who
 * uploaded, reports progress to the jobs page, and deletes the upload when done. A problem with
 * the whole file fails the job with the message in the uploader's language.
 */
@Component
class HouseholdImportJob implements JobHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HouseholdImporter importer;

	private final ImportRecords records;

	private final FileStore files;

	private final MessageSource messages;

	HouseholdImportJob(HouseholdImporter importer, ImportRecords records, FileStore files, MessageSource messages) {
		this.importer = importer;
		this.records = records;
		this.files = files;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return HouseholdImports.JOB_KIND;
	}

	@Override
	public String run(JobContext context) throws Exception {
		long id = JSON.readTree(context.payload()).path("importId").asLong(-1);
		Locale locale = Locale.forLanguageTag(records.language(id).orElse("zh-CN"));
		String stored = records.storedFile(id).orElse(null);
		if (stored == null || !files.holds(Path.of(stored)) || !Files.isRegularFile(Path.of(stored))) {
			if (records.find(id).isPresent()) {
				records.finish(id, "FAILED", null, "imports.file.missing", java.util.List.of(String.valueOf(stored)),
						java.time.Instant.now());
			}
			throw new IllegalStateException(messages.getMessage("imports.file.missing", new Object[] { stored },
					locale));
		}
		Path file = Path.of(stored);
		try {
			ImportView done = importer.run(id, file, (read, total, accepted, rejected, skipped) -> context.progress(read,
					total, importer.note(locale, read, total, accepted, rejected, skipped)));
			return messages.getMessage("imports.result", new Object[] { done.householdsFiled(), done.householdsUpdated(),
					done.householdsUnchanged(), done.householdsSkipped(), done.householdsRejected(), done.rowsRejected() },
					locale);
		}
		catch (BangfuException ex) {
			throw new IllegalStateException(messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale), ex);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}

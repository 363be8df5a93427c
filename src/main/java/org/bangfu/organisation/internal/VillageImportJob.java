package org.bangfu.organisation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.bangfu.platform.files.UploadedFiles;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The background job that imports an uploaded village file. The payload names the stored
 * upload ({@code {"file": "/.../villages-123.upload"}}); the result is the import's
 * {@link VillageImport.Result} as JSON. The upload is deleted once the job has run.
 */
@Component
public class VillageImportJob implements JobHandler {

	public static final String KIND = "regions.import-villages";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final VillageImport imports;

	private final UploadedFiles files;

	private final MessageSource messages;

	VillageImportJob(VillageImport imports, UploadedFiles files, MessageSource messages) {
		this.imports = imports;
		this.files = files;
		this.messages = messages;
	}

	/** Queues an import of a stored upload for the current user; returns the job id. */
	public static long submit(Jobs jobs, Path upload) {
		return jobs.submit(KIND, JSON.writeValueAsString(Map.of("file", upload.toAbsolutePath().toString())));
	}

	/** Reads a finished job's result. */
	public static VillageImport.Result result(String json) {
		return JSON.readValue(json, VillageImport.Result.class);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String run(JobContext context) throws Exception {
		String name = JSON.readTree(context.payload()).path("file").asString("");
		Path file = Path.of(name).toAbsolutePath().normalize();
		if (name.isEmpty() || !files.holds(file)) {
			throw new BangfuException(Problem.BAD_INPUT, "region.villages.fileMissing", name);
		}
		try {
			VillageImport.Result result = imports.run(file, (done, total, imported, rejected) -> context
				.progress(done, total, messages.getMessage("region.villages.progress", new Object[] { imported, rejected },
						Locale.SIMPLIFIED_CHINESE)));
			return JSON.writeValueAsString(result);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}

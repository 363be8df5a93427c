package org.bangfu.registry.internal;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.registry.HouseholdExport;
import org.bangfu.registry.HouseholdExportJobs;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.internal.ExportJobStore.ExportFile;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a register export as the user who asked for it (their rights now, not when they asked):
 * the file goes into the file store's {@code exports} area, its progress to the jobs page. Run
 * again after a crash, it writes the file again and replaces the first one.
 */
@Component
class HouseholdExportJob implements JobHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HouseholdExport export;

	private final HouseholdExportJobs exportJobs;

	private final ExportJobStore store;

	private final FileStore files;

	private final BusinessClock clock;

	private final MessageSource messages;

	HouseholdExportJob(HouseholdExport export, HouseholdExportJobs exportJobs, ExportJobStore store, FileStore files,
			BusinessClock clock, MessageSource messages) {
		this.export = export;
		this.exportJobs = exportJobs;
		this.store = store;
		this.files = files;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return HouseholdExportJobs.JOB_KIND;
	}

	@Override
	public String run(JobContext context) throws Exception {
		JsonNode payload = JSON.readTree(context.payload());
		HouseholdQuery query = exportJobs.queryOf(payload.path("query").asString());
		HouseholdExport.Format format = HouseholdExport.Format.of(payload.path("format").asString());
		String purpose = payload.path("purpose").isMissingNode() ? null : payload.path("purpose").asString();
		Actor actor = Actor.require();
		HouseholdExport.Prepared prepared;
		try {
			prepared = export.prepare(actor.scope(), actor.roles(), query, format, purpose);
		}
		catch (BangfuException ex) {
			throw new IllegalStateException(messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
					Locale.SIMPLIFIED_CHINESE), ex);
		}
		long total = prepared.countUpTo(Long.MAX_VALUE - 1);
		context.progress(0, total, null);
		String key = files.create("exports", "." + format.extension());
		HouseholdExport.Result result;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(files.path(key)), 1 << 16)) {
			result = prepared.writeTo(out, done -> {
				if (done % 2000 == 0) {
					context.progress(done, total, null);
				}
			});
		}
		catch (Exception ex) {
			files.delete(key);
			throw ex;
		}
		if (files.inDatabase()) {
			String local = key;
			try (InputStream in = Files.newInputStream(files.path(local))) {
				key = files.store("exports", in, Long.MAX_VALUE).key();
			}
			files.delete(local);
		}
		String stored = key;
		store.save(new ExportFile(context.jobId(), context.organisationId(), context.createdBy(), format.extension(),
				result.fullNumbers(), purpose, stored, result.households(), result.rows(), clock.now()))
			.filter(previous -> !previous.equals(stored))
			.ifPresent(previous -> {
				try {
					files.delete(previous);
				}
				catch (java.io.IOException ex) {
					// an unreadable leftover of a crashed run: the retention clean-up removes it
				}
			});
		context.progress(result.households(), result.households(), null);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("households", result.households());
		out.put("rows", result.rows());
		out.put("download", "/households/exports/" + context.jobId() + "/file");
		return JSON.writeValueAsString(out);
	}

}

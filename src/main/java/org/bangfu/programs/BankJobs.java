package org.bangfu.programs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.programs.internal.Json;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Bank work run as jobs, whatever its size: a cycle's batch, the re-issue of its failed lines and
 * the import of a bank's answer. What can be refused at once (a cycle not approved, no payer,
 * nothing to send, an empty file) is refused here, before anything is queued; the rest is checked
 * by the job, whose refusal pages and the API read back with {@link #job}. An answer waits in the
 * file store (shared by the instances) until its job has read it.
 */
@Service
public class BankJobs {

	public static final String BATCH = "programs.bank-batch";

	public static final String REISSUE = "programs.bank-reissue";

	public static final String ANSWER = "programs.bank-answer";

	private static final Set<String> KINDS = Set.of(BATCH, REISSUE, ANSWER);

	private final Jobs jobs;

	private final Payouts payouts;

	private final BankFiles bank;

	private final FileStore files;

	private final long maxAnswerSize;

	BankJobs(Jobs jobs, Payouts payouts, BankFiles bank, FileStore files,
			@Value("${bangfu.bank.max-answer-size:500MB}") DataSize maxAnswerSize) {
		this.jobs = jobs;
		this.payouts = payouts;
		this.bank = bank;
		this.files = files;
		this.maxAnswerSize = maxAnswerSize.toBytes();
	}

	/** Queues the bank batch of an approved cycle ({@link Payouts#createBatch}); returns the job's id. */
	@Transactional
	public long submitBatch(Scope scope, long cycleId, long layoutId, LocalDate fileDate) {
		payouts.checkBatch(scope, cycleId);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("cycleId", cycleId);
		payload.put("layoutId", layoutId);
		payload.put("fileDate", fileDate == null ? null : fileDate.toString());
		return jobs.submit(BATCH, Json.write(payload));
	}

	/** Queues the re-issue of a cycle's failed lines ({@link Payouts#reissueFailed}); returns the job's id. */
	@Transactional
	public long submitReissue(Scope scope, long cycleId, LocalDate fileDate) {
		payouts.checkReissue(scope, cycleId);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("cycleId", cycleId);
		payload.put("fileDate", fileDate == null ? null : fileDate.toString());
		return jobs.submit(REISSUE, Json.write(payload));
	}

	/** Keeps the bank's answer in the file store and queues its import ({@link BankFiles#importAnswer}). */
	@Transactional
	public long submitAnswer(Scope scope, long batchId, String fileName, InputStream in) throws IOException {
		bank.require(scope, batchId);
		String name = fileName == null || fileName.isBlank() ? "return" : Path.of(fileName).getFileName().toString();
		FileStore.StoredFile stored = files.store("bank-answers", in, maxAnswerSize);
		if (stored.size() == 0) {
			files.delete(stored.key());
			throw BangfuException.badField("file", "bank.file.empty");
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("batchId", batchId);
		payload.put("key", stored.key());
		payload.put("fileName", name);
		return jobs.submit(ANSWER, Json.write(payload));
	}

	/** A bank job of the caller's scope with what it did or why it was refused; other jobs are not found. */
	public BankJob job(Scope scope, long jobId) {
		JobView v = jobs.find(scope, jobId).filter(j -> KINDS.contains(j.kind()))
			.orElseThrow(() -> BangfuException.notFound("job.notFound", jobId));
		Long batchId = null;
		List<BankBatchView> batches = new ArrayList<>();
		BankReturnResult answer = null;
		if ("DONE".equals(v.status()) && v.result() != null) {
			Map<?, ?> result = Json.read(v.result(), Map.class);
			if (result.get("batchIds") instanceof List<?> ids) {
				ids.forEach(id -> batches.add(bank.require(scope, ((Number) id).longValue())));
			}
			if (ANSWER.equals(v.kind())) {
				batchId = ((Number) result.get("batchId")).longValue();
				answer = new BankReturnResult(batchId, Boolean.TRUE.equals(result.get("changed")),
						((Number) result.get("succeeded")).intValue(), ((Number) result.get("failed")).intValue());
			}
		}
		String errorKey = null;
		List<String> errorArgs = List.of();
		List<BankFileProblem> problems = List.of();
		long problemCount = 0;
		if ("FAILED".equals(v.status())) {
			BankJobError error = BankJobError.of(v.error());
			errorKey = error.key();
			errorArgs = error.args();
			problems = error.problems();
			problemCount = error.problemCount();
		}
		return new BankJob(v.id(), v.kind(), v.status(), v.finished(), v.progressDone(), v.progressTotal(), v.percent(),
				batchId, batches, answer, errorKey, errorArgs, problems, problemCount);
	}

}

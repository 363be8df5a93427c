package org.bangfu.programs.internal.bank;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankFiles;
import org.bangfu.programs.BankJobs;
import org.bangfu.programs.BankReturnResult;
import org.bangfu.programs.internal.Json;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Imports a bank's answer uploaded to the file store ({@link BankJobs#ANSWER}), as the user who
 * uploaded it. The import is one transaction and the same answer twice changes nothing, so a run
 * repeated after a crash reconciles no line twice; the upload is removed once the answer is
 * settled or refused (a run that finds it gone answers with the batch as it stands).
 */
@Component
class BankAnswerJob implements JobHandler {

	private final BankFiles bank;

	private final FileStore files;

	private final BankJobRunner runner;

	BankAnswerJob(BankFiles bank, FileStore files, BankJobRunner runner) {
		this.bank = bank;
		this.files = files;
		this.runner = runner;
	}

	@Override
	public String kind() {
		return BankJobs.ANSWER;
	}

	@Override
	public String run(JobContext context) throws Exception {
		Map<?, ?> p = Json.read(context.payload(), Map.class);
		long batchId = ((Number) p.get("batchId")).longValue();
		String key = (String) p.get("key");
		String fileName = (String) p.get("fileName");
		Scope scope = Actor.require().scope();
		BankReturnResult result;
		if (!files.exists(key)) {
			BankBatchView batch = BankJobRunner.refusing(() -> bank.require(scope, batchId));
			result = new BankReturnResult(batchId, false, batch.paidCount(), batch.failedCount());
		}
		else {
			try (InputStream in = files.open(key)) {
				result = bank.importAnswer(scope, batchId, fileName, in, runner.progress(context));
			}
			catch (BangfuException ex) {
				files.delete(key);
				throw new BankJobFailure(ex);
			}
			files.delete(key);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("batchId", batchId);
		out.put("changed", result.changed());
		out.put("succeeded", result.succeeded());
		out.put("failed", result.failed());
		return Json.write(out);
	}

}

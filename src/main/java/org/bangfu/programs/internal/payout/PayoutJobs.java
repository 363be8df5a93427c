package org.bangfu.programs.internal.payout;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankJobs;
import org.bangfu.programs.Payouts;
import org.bangfu.programs.internal.CycleStore;
import org.bangfu.programs.internal.Json;
import org.bangfu.programs.internal.bank.BankJobRunner;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs that pay a cycle: its bank batch ({@link BankJobs#BATCH}) and the re-issue of its
 * failed lines ({@link BankJobs#REISSUE}), each run as the user who asked, in one transaction
 * with the cycle locked; a run repeated after a crash answers with the batches the first run
 * committed (see {@link BankJobRunner#issueOnce}).
 */
@Configuration(proxyBeanMethods = false)
class PayoutJobs {

	/** What the job's payload carries. */
	record Payload(long cycleId, Long layoutId, LocalDate fileDate) {

		static Payload of(JobContext context) {
			Map<?, ?> p = Json.read(context.payload(), Map.class);
			Object layout = p.get("layoutId");
			Object date = p.get("fileDate");
			return new Payload(((Number) p.get("cycleId")).longValue(), layout == null ? null : ((Number) layout).longValue(),
					date == null ? null : LocalDate.parse(date.toString()));
		}

	}

	@Bean
	JobHandler bankBatchJob(Payouts payouts, CycleStore cycles, BankJobRunner runner) {
		return handler(BankJobs.BATCH, (context, p, scope) -> runner.issueOnce(context, () -> cycles.lock(p.cycleId(), true),
				() -> List.of(payouts.createBatch(scope, p.cycleId(), p.layoutId(), p.fileDate(), runner.progress(context)).id())));
	}

	@Bean
	JobHandler bankReissueJob(Payouts payouts, CycleStore cycles, BankJobRunner runner) {
		return handler(BankJobs.REISSUE, (context, p, scope) -> runner.issueOnce(context, () -> cycles.lock(p.cycleId(), true),
				() -> payouts.reissueFailed(scope, p.cycleId(), p.fileDate(), runner.progress(context)).stream()
					.map(BankBatchView::id)
					.toList()));
	}

	private interface Work {

		List<Long> run(JobContext context, Payload payload, Scope scope);

	}

	private static JobHandler handler(String kind, Work work) {
		return new JobHandler() {

			@Override
			public String kind() {
				return kind;
			}

			@Override
			public String run(JobContext context) {
				Payload p = Payload.of(context);
				List<Long> batches = work.run(context, p, Actor.require().scope());
				return Json.write(Map.of("cycleId", p.cycleId(), "batchIds", batches));
			}

		};
	}

}

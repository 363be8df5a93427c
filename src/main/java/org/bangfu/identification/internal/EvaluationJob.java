package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.Decisions;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;

/**
 * The batch evaluation job: the selection (scope ∩ rule-set owner's subtree, open files,
 * optionally a region and only missing or stale decisions) is cut into id ranges; each range
 * is one transaction of two set-based statements, and {@code bangfu.identification.batch-workers}
 * ranges (default 2) run at once. Today's facts come from the maintained facts table, made
 * right for the whole selection once before the ranges run. Re-running resumes safely:
 * decisions that would come out the same are kept, the others superseded.
 */
@Component
class EvaluationJob implements JobHandler {

	/** The largest id range one transaction evaluates. */
	static final long CHUNK = 20_000;

	/** The smallest (a range has a fixed cost of a few statements). */
	static final long MIN_CHUNK = 100;

	private final JdbcClient jdbc;

	private final RuleSetStore ruleSets;

	private final RuleCompiler compiler;

	private final SetEvaluator evaluator;

	private final TransactionTemplate tx;

	private final int workers;

	EvaluationJob(JdbcClient jdbc, RuleSetStore ruleSets, RuleCompiler compiler, SetEvaluator evaluator,
			TransactionTemplate tx,
			@org.springframework.beans.factory.annotation.Value("${bangfu.identification.batch-workers:2}") int workers) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.compiler = compiler;
		this.evaluator = evaluator;
		this.tx = tx;
		this.workers = workers;
	}

	@Override
	public String kind() {
		return Decisions.JOB_KIND;
	}

	@Override
	public String run(JobContext context) {
		Map<String, Object> p = Json.MAPPER.readValue(context.payload(), new TypeReference<Map<String, Object>>() {
		});
		LocalDate asOf = LocalDate.parse((String) p.get("asOf"));
		String code = (String) p.get("ruleSetCode");
		Scope scope = new Scope(((Number) p.get("scopeOrganisationId")).longValue(), (String) p.get("scopePath"));
		RuleSetView rs = ruleSets.inForce(code, asOf)
			.orElseThrow(() -> new IllegalStateException("No version of " + code + " in force on " + asOf));
		CompiledRules rules = compiler.compile(rs);
		SetEvaluator.Selection sel = SetEvaluator.selection(scope, ruleSets.ownerPath(rs.id()).orElseThrow());
		Object region = p.get("region");
		if (region != null) {
			sel = sel.and("h.region_code LIKE :region", "TRUE", "x.region_code LIKE :region", Map.of("region", region + "%"));
		}
		if (Boolean.TRUE.equals(p.get("onlyStale"))) {
			Map<String, Object> q = new HashMap<>();
			q.put("code", rs.code());
			q.put("ruleSetId", rs.id());
			q.put("asOf", asOf);
			String fresh = """
					NOT EXISTS (SELECT 1 FROM identification_decision d0 WHERE d0.household_id = %1$s.%2$s
					    AND d0.rule_set_code = :code AND d0.current AND NOT d0.stale AND d0.household_version = %1$s.%3$s
					    AND d0.rule_set_id = :ruleSetId AND d0.as_of = CAST(:asOf AS date))""";
			sel = sel.and(fresh.formatted("h", "id", "version"), "TRUE",
					fresh.formatted("x", "household_id", "household_version"), q);
		}
		String note = rs.code() + " v" + rs.version();
		context.progress(0, null, note);
		SetEvaluator.Selection selection = sel;
		java.util.Optional<FactsTable.Rows> prepared = tx.execute(status -> evaluator.prepare(selection, asOf));
		boolean narrower = region != null || Boolean.TRUE.equals(p.get("onlyStale"));
		// the facts rows of the selection's organisations are its bounds unless it is narrower
		FactsTable.Rows bounds = prepared.filter(r -> !narrower).orElseGet(() -> bounds(selection, asOf));
		long total = bounds.count();
		String login = (String) p.getOrDefault("login", "system");
		context.progress(0, total, note);
		SetEvaluator.Run run = SetEvaluator.Run.NONE;
		if (total > 0) {
			boolean supersede = ruleSets.anyDecided(rs.code());
			tx.executeWithoutResult(status -> ruleSets.markDecided(rs.id()));
			List<SetEvaluator.Selection> chunks = new ArrayList<>();
			long lo = bounds.lo();
			long hi = bounds.hi();
			// Enough ranges to keep every worker busy to the end, none bigger than CHUNK ids.
			long size = Math.max(MIN_CHUNK, Math.min(CHUNK, (hi - lo + 1) / (4L * workers)));
			for (long from = lo; from <= hi; from += size) {
				chunks.add(sel.and("h.id BETWEEN :lo AND :hi", "m.household_id BETWEEN :lo AND :hi",
						"x.household_id BETWEEN :lo AND :hi", Map.of("lo", from, "hi", Math.min(hi, from + size - 1))));
			}
			SetEvaluator.Insert mode = supersede ? SetEvaluator.Insert.RERUN : SetEvaluator.Insert.FIRST;
			run = inParallel(chunks, chunk -> {
				try {
					return tx.execute(status -> evaluator.evaluate(rs, rules, chunk, asOf, login, context.jobId(), mode));
				}
				catch (org.springframework.dao.DuplicateKeyException race) {
					// someone decided a household of this range meanwhile: the range again, letting theirs stand
					return tx.execute(status -> evaluator.evaluate(rs, rules, chunk, asOf, login, context.jobId(),
							SetEvaluator.Insert.SAFE));
				}
			}, done -> context.progress(done.evaluated(), total, note));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ruleSet", rs.code());
		result.put("version", rs.version());
		result.put("asOf", asOf.toString());
		result.put("households", run.evaluated());
		result.put("written", run.written());
		result.put("unchanged", run.evaluated() - run.written());
		result.put("outcomes", new java.util.TreeMap<>(run.outcomes()));
		return Json.write(result);
	}

	/**
	 * Runs the chunks on {@code workers} threads (each chunk its own transaction; chunks are
	 * disjoint id ranges), reporting the running sum after each one; the first failure stops the
	 * rest and is thrown.
	 */
	private SetEvaluator.Run inParallel(List<SetEvaluator.Selection> chunks,
			java.util.function.Function<SetEvaluator.Selection, SetEvaluator.Run> work,
			java.util.function.Consumer<SetEvaluator.Run> progress) {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
				Math.max(1, Math.min(workers, chunks.size())), r -> {
					Thread t = new Thread(r, "identification-batch");
					t.setDaemon(true);
					return t;
				});
		java.util.concurrent.CompletionService<SetEvaluator.Run> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
		try {
			for (SetEvaluator.Selection chunk : chunks) {
				done.submit(() -> work.apply(chunk));
			}
			SetEvaluator.Run sum = SetEvaluator.Run.NONE;
			for (int i = 0; i < chunks.size(); i++) {
				sum = sum.plus(done.take().get());
				progress.accept(sum);
			}
			return sum;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Batch evaluation interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The selection's households: how many, lowest and highest id (today from the facts table, else the files). */
	private FactsTable.Rows bounds(SetEvaluator.Selection sel, LocalDate asOf) {
		Map<String, Object> params = new HashMap<>(sel.params());
		params.put("asOf", asOf);
		String from = evaluator.fromTable(asOf) ? FactsTable.TABLE + " x WHERE " + sel.overFacts()
				: evaluator.households(asOf) + " h JOIN organisation o ON o.id = h.organisation_id WHERE " + sel.condition();
		String id = evaluator.fromTable(asOf) ? "x.household_id" : "h.id";
		return jdbc.sql("SELECT count(*), coalesce(min(" + id + "), 0), coalesce(max(" + id + "), -1) FROM " + from)
			.params(params)
			.query((rs, n) -> new FactsTable.Rows(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}
}

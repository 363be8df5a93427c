package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * is one transaction of two set-based statements. Re-running resumes safely: it re-decides.
 */
@Component
class EvaluationJob implements JobHandler {

	static final long CHUNK = 20_000;

	private final JdbcClient jdbc;

	private final RuleSetStore ruleSets;

	private final RuleCompiler compiler;

	private final SetEvaluator evaluator;

	private final TransactionTemplate tx;

	EvaluationJob(JdbcClient jdbc, RuleSetStore ruleSets, RuleCompiler compiler, SetEvaluator evaluator,
			TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.compiler = compiler;
		this.evaluator = evaluator;
		this.tx = tx;
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
			sel = sel.and("h.region_code LIKE :region", "TRUE", Map.of("region", region + "%"));
		}
		if (Boolean.TRUE.equals(p.get("onlyStale"))) {
			Map<String, Object> q = new HashMap<>();
			q.put("code", rs.code());
			q.put("ruleSetId", rs.id());
			q.put("asOf", asOf);
			sel = sel.and("""
					NOT EXISTS (SELECT 1 FROM identification_decision d0 WHERE d0.household_id = h.id
					    AND d0.rule_set_code = :code AND d0.current AND NOT d0.stale AND d0.household_version = h.version
					    AND d0.rule_set_id = :ruleSetId AND d0.as_of = CAST(:asOf AS date))""", "TRUE", q);
		}
		Map<String, Object> bounds = jdbc.sql("SELECT min(h.id) AS lo, max(h.id) AS hi, count(*) AS n "
				+ "FROM " + evaluator.households(asOf) + " h JOIN organisation o ON o.id = h.organisation_id WHERE " + sel.condition())
			.params(withDate(sel.params(), asOf))
			.query()
			.singleRow();
		long total = ((Number) bounds.get("n")).longValue();
		String login = (String) p.getOrDefault("login", "system");
		long done = 0;
		context.progress(0, total, rs.code() + " v" + rs.version());
		if (total > 0) {
			long lo = ((Number) bounds.get("lo")).longValue();
			long hi = ((Number) bounds.get("hi")).longValue();
			for (long from = lo; from <= hi; from += CHUNK) {
				long to = Math.min(hi, from + CHUNK - 1);
				SetEvaluator.Selection chunk = sel.and("h.id BETWEEN :lo AND :hi", "m.household_id BETWEEN :lo AND :hi",
						Map.of("lo", from, "hi", to));
				Integer n = tx.execute(status -> evaluator.evaluate(rs, rules, chunk, asOf, login, context.jobId()));
				done += n == null ? 0 : n;
				context.progress(done, total, rs.code() + " v" + rs.version());
			}
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT outcome, count(*) AS n FROM identification_decision WHERE job_id = ? AND current GROUP BY outcome ORDER BY outcome")
			.param(context.jobId())
			.query((rs2, i) -> counts.put(rs2.getString("outcome"), rs2.getLong("n")))
			.list();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ruleSet", rs.code());
		result.put("version", rs.version());
		result.put("asOf", asOf.toString());
		result.put("households", done);
		result.put("outcomes", counts);
		return Json.write(result);
	}

	private static Map<String, Object> withDate(Map<String, Object> params, LocalDate asOf) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("asOf", asOf);
		return p;
	}

}

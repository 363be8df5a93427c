package org.bangfu.identification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.internal.RuleCompiler;
import org.bangfu.identification.internal.RuleSetStore;
import org.bangfu.identification.internal.SetEvaluator;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule sets that other modules ship and run in the same rule language (for example the relapse
 * monitoring rules): installed once, owned by the platform root and active from 2000-01-01, then
 * edited, versioned and tested like any other rule set; evaluated over a whole scope set-based
 * (the facts and the rules in two statements, never a query per household), the decisions
 * recorded with their explanations like a batch.
 */
@Service
public class ModuleRuleSets {

	private final RuleSetStore store;

	private final RuleSets ruleSets;

	private final RuleCompiler compiler;

	private final SetEvaluator evaluator;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ModuleRuleSets(RuleSetStore store, RuleSets ruleSets, RuleCompiler compiler, SetEvaluator evaluator, JdbcClient jdbc,
			AuditLog audit) {
		this.store = store;
		this.ruleSets = ruleSets;
		this.compiler = compiler;
		this.evaluator = evaluator;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Installs the rule set unless its code exists; its test cases must all pass. Returns whether it was installed. */
	@Transactional
	public boolean install(String code, RuleSetContent content) {
		store.lockCode(code);
		if (store.codeExists(code)) {
			return false;
		}
		List<TestResult> failed = ruleSets.runTests(content, Locale.SIMPLIFIED_CHINESE).stream().filter(r -> !r.passed()).toList();
		if (!failed.isEmpty()) {
			throw new IllegalStateException("Rule set " + code + " fails its test cases: " + failed);
		}
		long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
		List<String> kinds = List.copyOf(compiler.compile(content).kinds());
		long id = store.insert(code, 1, root, content, kinds, false, "system");
		store.activate(id, code, LocalDate.of(2000, 1, 1), "system");
		return true;
	}

	/**
	 * Evaluates every open household of the scope under the version of the rule set in force on
	 * the date, set-based, records the decisions, and returns the outcome of each household whose
	 * outcome is not the rule set's default (household id to outcome code).
	 */
	@Transactional
	public Map<Long, String> evaluateScope(Scope scope, String code, LocalDate asOf) {
		RuleSetView rs = store.inForce(code, asOf)
			.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.noneInForce", code, asOf));
		SetEvaluator.Selection selection = SetEvaluator.selection(scope, store.ownerPath(rs.id()).orElseThrow());
		evaluator.prepare(selection, asOf);
		store.markDecided(rs.id());
		String login = Actor.current().map(Actor::login).orElse("system");
		SetEvaluator.Run run = evaluator.evaluate(rs, compiler.compile(rs), selection, asOf, login, null,
				SetEvaluator.Insert.SAFE);
		Map<Long, String> out = new HashMap<>();
		jdbc.sql("""
				SELECT d.household_id, d.outcome FROM identification_decision d
				JOIN registry_household h ON h.id = d.household_id JOIN organisation o ON o.id = h.organisation_id
				WHERE d.rule_set_code = :code AND d.current AND d.outcome <> :default AND\s""" + Scope.sql("o.path"))
			.param("code", code)
			.param("default", rs.content().defaultOutcome())
			.param("scopePath", scope.likePattern())
			.query((r, n) -> out.put(r.getLong(1), r.getString(2)))
			.list();
		audit.record("decision.evaluateScope", "ruleSet", rs.id(),
				Map.of("code", rs.code(), "version", rs.version(), "households", run.evaluated(), "asOf", asOf.toString()));
		return out;
	}

}

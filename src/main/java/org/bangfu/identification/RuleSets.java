package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.internal.DecisionStore;
import org.bangfu.identification.internal.Explainer;
import org.bangfu.identification.internal.MapEnv;
import org.bangfu.identification.internal.RuleCompiler;
import org.bangfu.identification.internal.RuleSetStore;
import org.bangfu.identification.internal.StandardStore;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Type;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule sets: decision tables over named facts, versioned. A draft is edited in place;
 * editing an active (or retired) version makes a new draft version; a draft becomes active
 * from a date only when all its test cases pass, and the version it replaces is retired the
 * day before (and still used for dates before). Visible to the owner organisation, its
 * subtree and its ancestors; changed only within the caller's subtree.
 */
@Service
public class RuleSets {

	private final RuleSetStore store;

	private final RuleCompiler compiler;

	private final StandardStore standards;

	private final DecisionStore decisions;

	private final Explainer explainer;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final MessageSource messages;

	RuleSets(RuleSetStore store, RuleCompiler compiler, StandardStore standards, DecisionStore decisions,
			Explainer explainer, AuditLog audit, BusinessClock clock, MessageSource messages) {
		this.messages = messages;
		this.store = store;
		this.compiler = compiler;
		this.standards = standards;
		this.decisions = decisions;
		this.explainer = explainer;
		this.audit = audit;
		this.clock = clock;
	}

	public List<RuleSetView> list(Scope scope) {
		return store.list(scope);
	}

	public RuleSetView require(Scope scope, long id) {
		return store.find(scope, id).orElseThrow(() -> BangfuException.notFound("identification.ruleSet.notFound", id));
	}

	public List<RuleSetView> versions(Scope scope, long id) {
		RuleSetView rs = require(scope, id);
		return store.versions(rs.code());
	}

	/** Every row's compile problems (row numbers from 1), for pages that show them all at once. */
	public List<CompiledRules.RowError> check(RuleSetContent content) {
		return compiler.check(content);
	}

	/** A new rule set (version 1, draft) owned by the caller's organisation. */
	@Transactional
	public RuleSetView create(Scope scope, String code, RuleSetContent content) {
		String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		if (!c.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw BangfuException.badField("code", "identification.ruleSet.code.pattern", c);
		}
		store.lockCode(c);
		if (store.codeExists(c)) {
			throw BangfuException.badField("code", "identification.ruleSet.code.taken", c);
		}
		validate(content);
		long id = store.insert(c, 1, scope.organisationId(), content, kinds(content), false, login());
		audit.record("ruleSet.create", "ruleSet", id, Map.of("code", c, "version", 1));
		return store.find(id).orElseThrow();
	}

	/** Copies any visible version into a new rule set of the caller's organisation. */
	@Transactional
	public RuleSetView copy(Scope scope, long id, String newCode) {
		RuleSetView from = require(scope, id);
		RuleSetView created = create(scope, newCode, from.content());
		audit.record("ruleSet.copy", "ruleSet", created.id(), Map.of("from", from.code() + " v" + from.version()));
		return created;
	}

	/** Saves content: in place for a draft, as a new draft version for an active or retired one. */
	@Transactional
	public RuleSetView update(Scope scope, long id, RuleSetContent content) {
		RuleSetView rs = requireWritable(scope, id);
		store.lockCode(rs.code());
		validate(content);
		if (rs.draft()) {
			store.updateDraft(id, content, kinds(content), login());
			audit.record("ruleSet.update", "ruleSet", id, Map.of("code", rs.code(), "version", rs.version()));
			return store.find(id).orElseThrow();
		}
		RuleSetView existingDraft = store.versions(rs.code()).stream().filter(RuleSetView::draft).findFirst().orElse(null);
		if (existingDraft != null) {
			throw new BangfuException(Problem.CONFLICT, "identification.ruleSet.draftExists", rs.code(), existingDraft.version());
		}
		int version = store.nextVersion(rs.code());
		long newId = store.insert(rs.code(), version, rs.organisationId(), content, kinds(content), rs.shipped(), login());
		audit.record("ruleSet.newVersion", "ruleSet", newId, Map.of("code", rs.code(), "version", version, "from", rs.version()));
		return store.find(newId).orElseThrow();
	}

	/** Runs the test cases of a saved version. */
	public List<TestResult> runTests(Scope scope, long id, Locale locale) {
		return runTests(require(scope, id).content(), locale);
	}

	/** Runs test cases of content that need not be saved (the editor's 'run tests'). */
	public List<TestResult> runTests(RuleSetContent content, Locale locale) {
		CompiledRules rules = compiler.compile(content);
		RuleSetView probe = probe(content);
		List<TestResult> results = new ArrayList<>();
		List<TestCase> cases = content.casesOrEmpty();
		for (int i = 0; i < cases.size(); i++) {
			TestCase tc = cases.get(i);
			try {
				MapEnv env = env(tc);
				Explanation e = explainer.explain(probe, rules, env, Map.of(), clock.today(), "", locale);
				boolean passed = e.outcome().equals(tc.expected());
				results.add(new TestResult(i + 1, tc.name(), tc.expected(), e.outcome(), passed, e.summary()));
			}
			catch (BangfuException ex) {
				results.add(new TestResult(i + 1, tc.name(), tc.expected(), null, false,
						messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale)));
			}
		}
		return results;
	}

	/** Activates a draft from a date (default today) when every test case passes. */
	@Transactional
	public RuleSetView activate(Scope scope, long id, LocalDate from) {
		RuleSetView rs = requireWritable(scope, id);
		store.lockCode(rs.code());
		if (!rs.draft()) {
			throw new BangfuException(Problem.CONFLICT, "identification.ruleSet.notDraft", rs.code(), rs.version());
		}
		LocalDate start = from == null ? clock.today() : from;
		store.latestStart(rs.code()).ifPresent(latest -> {
			if (!start.isAfter(latest)) {
				throw BangfuException.badField("effectiveFrom", "identification.ruleSet.startTooEarly", latest);
			}
		});
		if (rs.content().casesOrEmpty().isEmpty()) {
			throw new BangfuException(Problem.CONFLICT, "identification.ruleSet.noTests");
		}
		List<TestResult> failed = runTests(rs.content(), Locale.SIMPLIFIED_CHINESE).stream().filter(r -> !r.passed()).toList();
		if (!failed.isEmpty()) {
			throw new ActivationRefused(failed);
		}
		store.activate(id, rs.code(), start, login());
		int stale = decisions.markStaleForRuleSet(rs.code(), start);
		audit.record("ruleSet.activate", "ruleSet", id,
				Map.of("code", rs.code(), "version", rs.version(), "from", start.toString(), "staleDecisions", stale));
		return store.find(id).orElseThrow();
	}

	/** Retires an active version: it stays in force until the given last day (default yesterday). */
	@Transactional
	public RuleSetView retire(Scope scope, long id, LocalDate lastDay) {
		RuleSetView rs = requireWritable(scope, id);
		if (!rs.active()) {
			throw new BangfuException(Problem.CONFLICT, "identification.ruleSet.notActive", rs.code(), rs.version());
		}
		LocalDate last = lastDay == null ? clock.today().minusDays(1) : lastDay;
		if (last.isBefore(rs.effectiveFrom().minusDays(1))) {
			throw BangfuException.badField("effectiveTo", "identification.ruleSet.retireTooEarly", rs.effectiveFrom());
		}
		store.retire(id, last, login());
		audit.record("ruleSet.retire", "ruleSet", id, Map.of("code", rs.code(), "version", rs.version(), "to", last.toString()));
		return store.find(id).orElseThrow();
	}

	/** Whether the caller may change this version (its owner is in the caller's subtree). */
	public boolean writable(Scope scope, RuleSetView rs) {
		return store.ownerPath(rs.id()).map(scope::contains).orElse(false);
	}

	private RuleSetView requireWritable(Scope scope, long id) {
		RuleSetView rs = require(scope, id);
		if (!writable(scope, rs)) {
			throw new BangfuException(Problem.FORBIDDEN, "identification.ruleSet.notOwner", rs.organisationName());
		}
		return rs;
	}

	private void validate(RuleSetContent content) {
		compiler.compile(content);
		List<String> outcomes = content.outcomes();
		if (outcomes.contains(Explainer.UNDECIDED)) {
			throw BangfuException.badField("defaultOutcome", "identification.rule.outcome.reserved", Explainer.UNDECIDED);
		}
		for (TestCase tc : content.casesOrEmpty()) {
			if (!outcomes.contains(tc.expected()) && !Explainer.UNDECIDED.equals(tc.expected())) {
				throw BangfuException.badField("testCases", "identification.case.expected.unknown", tc.name(), tc.expected());
			}
			env(tc);
		}
	}

	private List<String> kinds(RuleSetContent content) {
		return List.copyOf(compiler.compile(content).kinds());
	}

	/** The environment of a test case: named facts (others 0 / no) and standards in their kind's basis. */
	private MapEnv env(TestCase tc) {
		Map<Fact, Object> facts = new HashMap<>();
		if (tc.facts() != null) {
			tc.facts().forEach((name, value) -> {
				Fact f = Fact.named(name)
					.orElseThrow(() -> BangfuException.badField("testCases", "identification.case.unknownFact", tc.name(), name));
				facts.put(f, factValue(tc, f, value));
			});
		}
		Map<String, Env.StandardValue> stds = new HashMap<>();
		if (tc.standards() != null) {
			tc.standards().forEach((kind, value) -> {
				StandardKindView k = standards.kind(kind)
					.orElseThrow(() -> BangfuException.badField("testCases", "identification.case.unknownStandard", tc.name(), kind));
				stds.put(kind, new Env.StandardValue(value, k.basis()));
			});
		}
		return new MapEnv(facts, stds);
	}

	private static Object factValue(TestCase tc, Fact f, Object value) {
		if (f.type() == Type.BOOLEAN) {
			if (value instanceof Boolean b) {
				return b;
			}
			if ("true".equals(String.valueOf(value)) || "false".equals(String.valueOf(value))) {
				return Boolean.valueOf(String.valueOf(value));
			}
			throw BangfuException.badField("testCases", "identification.case.factValue", tc.name(), f.column(), value);
		}
		try {
			return new BigDecimal(String.valueOf(value));
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField("testCases", "identification.case.factValue", tc.name(), f.column(), value);
		}
	}

	private static RuleSetView probe(RuleSetContent content) {
		return new RuleSetView(0, "draft", 0, 0, null, RuleSetStatus.DRAFT, null, null, content, List.of(), false, null,
				null, null, null, null, null);
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}

package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.internal.DecisionStore;
import org.bangfu.identification.internal.Explainer;
import org.bangfu.identification.internal.FactsQuery;
import org.bangfu.identification.internal.HouseholdOnDate;
import org.bangfu.identification.internal.HouseholdOnDate.OnDate;
import org.bangfu.identification.internal.FactsQuery.HouseholdFacts;
import org.bangfu.identification.internal.Json;
import org.bangfu.identification.internal.MapEnv;
import org.bangfu.identification.internal.RuleCompiler;
import org.bangfu.identification.internal.RuleSetStore;
import org.bangfu.identification.internal.SetEvaluator;
import org.bangfu.identification.internal.StandardStore;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Type;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;

/**
 * Decisions: a household evaluated under the rule sets in force for it (live, with the
 * explanation), recorded with its snapshot, or evaluated set-based for a selection or a whole
 * scope (a persistent job). Only households in the caller's scope exist.
 */
@Service
public class Decisions {

	/** The job kind of a batch evaluation. */
	public static final String JOB_KIND = "identification.evaluate";

	/** The largest selection evaluated at once without a job. */
	public static final int MAX_SELECTION = 1000;

	private final HouseholdOnDate onDate;

	private final RuleSetStore ruleSets;

	private final RuleCompiler compiler;

	private final StandardStore standards;

	private final DecisionStore store;

	private final Explainer explainer;

	private final SetEvaluator setEvaluator;

	private final Organisations organisations;

	private final Jobs jobs;

	private final AuditLog audit;

	private final BusinessClock clock;

	Decisions(HouseholdOnDate onDate, RuleSetStore ruleSets, RuleCompiler compiler, StandardStore standards, DecisionStore store,
			Explainer explainer, SetEvaluator setEvaluator, Organisations organisations, Jobs jobs, AuditLog audit,
			BusinessClock clock) {
		this.onDate = onDate;
		this.ruleSets = ruleSets;
		this.compiler = compiler;
		this.standards = standards;
		this.store = store;
		this.explainer = explainer;
		this.setEvaluator = setEvaluator;
		this.organisations = organisations;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return clock.today();
	}

	/** The household under every rule set in force for it on the date, live, with explanations. */
	@Transactional
	public List<Evaluation> evaluate(Scope scope, long householdId, LocalDate asOf, Locale locale) {
		LocalDate date = asOf == null ? clock.today() : asOf;
		OnDate on = householdOn(scope, householdId, date);
		HouseholdFacts hf = on.facts();
		String path = organisations.pathOf(hf.organisationId()).orElseThrow();
		Map<String, DecisionView> current = new HashMap<>();
		store.current(householdId, locale).forEach(d -> current.put(d.ruleSetCode(), d));
		List<Evaluation> out = new ArrayList<>();
		for (RuleSetView rs : ruleSets.applicable(path, date)) {
			Explanation e = explain(rs, on, date, locale);
			out.add(new Evaluation(rs.id(), rs.code(), rs.version(), rs.name(locale), e.outcome(), e.label(), e,
					current.get(rs.code())));
		}
		audit.record("household.decision.view", "household", householdId, Map.of("asOf", date.toString()));
		return out;
	}

	/** The household under one rule set (the version in force on the date), live. */
	@Transactional
	public Evaluation evaluate(Scope scope, long householdId, String ruleSetCode, LocalDate asOf, Locale locale) {
		LocalDate date = asOf == null ? clock.today() : asOf;
		OnDate on = householdOn(scope, householdId, date);
		RuleSetView rs = inForceFor(on.facts(), ruleSetCode, date);
		Explanation e = explain(rs, on, date, locale);
		DecisionView current = store.current(householdId, locale).stream()
			.filter(d -> d.ruleSetCode().equals(ruleSetCode))
			.findFirst()
			.orElse(null);
		audit.record("household.decision.view", "household", householdId, Map.of("ruleSet", ruleSetCode, "asOf", date.toString()));
		return new Evaluation(rs.id(), rs.code(), rs.version(), rs.name(locale), e.outcome(), e.label(), e, current);
	}

	/** Evaluates and stores the decision (with its facts, standards and explanation in both languages). */
	@Transactional
	public DecisionView record(Scope scope, long householdId, String ruleSetCode, LocalDate asOf, Locale locale) {
		LocalDate date = asOf == null ? clock.today() : asOf;
		OnDate on = householdOn(scope, householdId, date);
		HouseholdFacts hf = on.facts();
		RuleSetView rs = inForceFor(hf, ruleSetCode, date);
		CompiledRules rules = compiler.compile(rs);
		Explanation zh = explain(rs, on, date, Locale.SIMPLIFIED_CHINESE);
		Explanation en = explain(rs, on, date, Locale.ENGLISH);
		Map<String, Object> factSnapshot = new LinkedHashMap<>();
		Map<String, Long> ids = new LinkedHashMap<>();
		if (on.firstFiled() == null) {
			Map<String, StandardView> used = standards.resolve(hf.regionCode(), date, rules.kinds());
			for (Fact f : rules.facts()) {
				if (f.numerator() == null) {
					factSnapshot.put(f.column(), hf.values().get(f));
				}
			}
			for (String k : rules.kinds()) {
				ids.put(k, used.containsKey(k) ? used.get(k).id() : null);
			}
		}
		ruleSets.markDecided(rs.id());
		store.supersede(householdId, rs.code());
		long id = store.insert(householdId, hf.regionCode(), hf.householdVersion(), rs.id(), rs.code(), date,
				zh.matchedRow(), zh.outcome(), Json.write(factSnapshot), Json.write(ids), Json.write(Map.of("zh", zh, "en", en)),
				login());
		audit.record("decision.record", "household", householdId,
				Map.of("decision", id, "ruleSet", rs.code() + " v" + rs.version(), "outcome", zh.outcome(), "asOf", date.toString()));
		return withLabel(store.current(householdId, locale).stream().filter(d -> d.id() == id).findFirst().orElseThrow(), locale);
	}

	/** The current decisions of a household (one per rule set). */
	@Transactional(readOnly = true)
	public List<DecisionView> current(Scope scope, long householdId, Locale locale) {
		householdFacts(scope, householdId, clock.today());
		return withLabels(store.current(householdId, locale), locale);
	}

	/** Every decision of a household, newest first; audited as a view. */
	@Transactional
	public List<DecisionView> history(Scope scope, long householdId, Locale locale) {
		householdFacts(scope, householdId, clock.today());
		List<DecisionView> list = withLabels(store.history(householdId, locale), locale);
		audit.record("household.decision.view", "household", householdId, Map.of("decisions", list.size()));
		return list;
	}

	/** A stored decision and its explanation re-made from its snapshot, exactly as it was decided. */
	@Transactional
	public StoredDecision find(Scope scope, long decisionId, Locale locale) {
		DecisionStore.Stored s = store.find(scope, decisionId, locale)
			.orElseThrow(() -> BangfuException.notFound("identification.decision.notFound", decisionId));
		RuleSetView rs = ruleSets.find(s.view().ruleSetId()).orElseThrow();
		if (s.view().matchedRow() == CompiledRules.NOT_FILED) {
			audit.record("household.decision.view", "household", s.view().householdId(), Map.of("decision", decisionId));
			return new StoredDecision(withLabel(s.view(), locale), explainer.notFiled(rs, s.view().asOf(),
					firstFiled(scope, s.view().householdId()), locale));
		}
		CompiledRules rules = compiler.compile(rs);
		Map<String, Object> raw = Json.MAPPER.readValue(s.factsJson(), new TypeReference<Map<String, Object>>() {
		});
		Map<Fact, Object> values = new EnumMap<>(Fact.class);
		raw.forEach((k, v) -> Fact.named(k).ifPresent(f -> values.put(f, f.type() == Type.BOOLEAN ? (Object) Boolean.valueOf(String.valueOf(v))
				: new BigDecimal(String.valueOf(v)))));
		Map<String, Long> ids = Json.MAPPER.readValue(s.standardIdsJson(), new TypeReference<Map<String, Long>>() {
		});
		Map<Long, StandardView> byId = standards.byIds(ids.values().stream().filter(java.util.Objects::nonNull).toList());
		Map<String, StandardView> used = new HashMap<>();
		ids.forEach((k, id) -> {
			if (id != null && byId.containsKey(id)) {
				used.put(k, byId.get(id));
			}
		});
		Explanation e = explainer.explain(rs, rules, MapEnv.of(values, used), used, s.view().asOf(), s.regionCode(), locale);
		audit.record("household.decision.view", "household", s.view().householdId(), Map.of("decision", decisionId));
		return new StoredDecision(withLabel(s.view(), locale), e);
	}

	/** A stored decision with the explanation re-made from its snapshot. */
	public record StoredDecision(DecisionView decision, Explanation explanation) {
	}

	/** Current decisions in scope (pages from 1). */
	@Transactional(readOnly = true)
	public DecisionPage list(Scope scope, String ruleSetCode, String outcome, Boolean stale, int page, int size,
			Locale locale) {
		int s = Math.max(10, Math.min(100, size));
		int p = Math.max(1, page);
		String code = blank(ruleSetCode);
		String out = blank(outcome);
		return new DecisionPage(withLabels(store.list(scope, code, out, stale, s, (p - 1) * s, locale), locale),
				store.count(scope, code, out, stale), p, s);
	}

	public record DecisionPage(List<DecisionView> rows, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

	/** Evaluates a selection of households in scope at once, set-based; returns how many were decided. */
	@Transactional
	public int evaluateSelection(Scope scope, String ruleSetCode, List<Long> householdIds, LocalDate asOf) {
		if (householdIds == null || householdIds.isEmpty()) {
			throw BangfuException.badField("householdIds", "identification.evaluation.empty");
		}
		if (householdIds.size() > MAX_SELECTION) {
			throw BangfuException.badField("householdIds", "identification.evaluation.tooMany", MAX_SELECTION);
		}
		LocalDate date = asOf == null ? clock.today() : asOf;
		RuleSetView rs = ruleSets.inForce(ruleSetCode, date)
			.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.noneInForce", ruleSetCode, date));
		String ownerPath = ruleSets.ownerPath(rs.id()).orElseThrow();
		SetEvaluator.Selection sel = SetEvaluator.selection(scope, ownerPath).and("h.id IN (:ids)", "m.household_id IN (:ids)",
				"x.household_id IN (:ids)", Map.of("ids", List.copyOf(householdIds)));
		setEvaluator.prepare(householdIds, date);
		ruleSets.markDecided(rs.id());
		int n = (int) setEvaluator.evaluate(rs, compiler.compile(rs), sel, date, login(), null, SetEvaluator.Insert.SAFE)
			.evaluated();
		audit.record("decision.evaluateSelection", "ruleSet", rs.id(),
				Map.of("code", rs.code(), "version", rs.version(), "households", n, "asOf", date.toString()));
		return n;
	}

	/**
	 * Queues a batch evaluation of every open household in scope (optionally only under a
	 * region, optionally only those whose decision is missing or stale); returns the job id.
	 */
	@Transactional
	public long startBatch(Scope scope, String ruleSetCode, String regionCode, boolean onlyStale, LocalDate asOf) {
		LocalDate date = asOf == null ? clock.today() : asOf;
		RuleSetView rs = ruleSets.inForce(ruleSetCode, date)
			.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.noneInForce", ruleSetCode, date));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ruleSetCode", rs.code());
		payload.put("scopeOrganisationId", scope.organisationId());
		payload.put("scopePath", scope.path());
		payload.put("region", blank(regionCode));
		payload.put("onlyStale", onlyStale);
		payload.put("asOf", date.toString());
		payload.put("login", login());
		Long userId = Actor.current().map(Actor::userId).orElse(null);
		long job = jobs.submit(JOB_KIND, Json.write(payload), scope.organisationId(), userId);
		audit.record("decision.batch", "ruleSet", rs.id(), Map.of("code", rs.code(), "job", job, "onlyStale", onlyStale,
				"region", String.valueOf(blank(regionCode)), "asOf", date.toString()));
		return job;
	}

	private Explanation explain(RuleSetView rs, OnDate on, LocalDate date, Locale locale) {
		if (on.firstFiled() != null) {
			return explainer.notFiled(rs, date, on.firstFiled(), locale);
		}
		HouseholdFacts hf = on.facts();
		CompiledRules rules = compiler.compile(rs);
		Map<String, StandardView> used = standards.resolve(hf.regionCode(), date, rules.kinds());
		return explainer.explain(rs, rules, MapEnv.of(hf.values(), used), used, date, hf.regionCode(), locale);
	}

	private RuleSetView inForceFor(HouseholdFacts hf, String code, LocalDate date) {
		String path = organisations.pathOf(hf.organisationId()).orElseThrow();
		return ruleSets.applicable(path, date).stream()
			.filter(rs -> rs.code().equals(code))
			.findFirst()
			.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.noneInForce", code, date));
	}

	private HouseholdFacts householdFacts(Scope scope, long householdId, LocalDate date) {
		return onDate.on(scope, householdId, date).facts();
	}

	private OnDate householdOn(Scope scope, long householdId, LocalDate date) {
		return onDate.on(scope, householdId, date);
	}

	private LocalDate firstFiled(Scope scope, long householdId) {
		return onDate.firstFiled(scope, householdId);
	}

	private List<DecisionView> withLabels(List<DecisionView> list, Locale locale) {
		return list.stream().map(d -> withLabel(d, locale)).toList();
	}

	private DecisionView withLabel(DecisionView d, Locale locale) {
		if (d.label() != null) {
			return d;
		}
		return new DecisionView(d.id(), d.householdId(), d.ruleSetId(), d.ruleSetCode(), d.ruleSetVersion(), d.asOf(),
				d.matchedRow(), d.outcome(), explainer.specialLabel(d.outcome(), locale), d.decidedAt(), d.decidedBy(), d.jobId(),
				d.current(), d.stale(), d.fileNo(), d.headName());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}

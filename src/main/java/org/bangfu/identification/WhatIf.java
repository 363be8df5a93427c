package org.bangfu.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.WhatIfRequest.ProposedStandard;
import org.bangfu.identification.internal.Explainer;
import org.bangfu.identification.internal.RuleCompiler;
import org.bangfu.identification.internal.RuleSetStore;
import org.bangfu.identification.internal.StandardStore;
import org.bangfu.identification.internal.WhatIfQuery;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What-if: a proposed standard figure or rule-set version evaluated for every open household
 * in scope, without saving anything, in one aggregate SQL statement.
 */
@Service
public class WhatIf {

	private final RuleSetStore ruleSets;

	private final RuleCompiler compiler;

	private final StandardStore standards;

	private final WhatIfQuery query;

	private final Regions regions;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	WhatIf(RuleSetStore ruleSets, RuleCompiler compiler, StandardStore standards, WhatIfQuery query, Regions regions,
			MessageSource messages, AuditLog audit, BusinessClock clock) {
		this.ruleSets = ruleSets;
		this.compiler = compiler;
		this.standards = standards;
		this.query = query;
		this.regions = regions;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public WhatIfResult run(Scope scope, WhatIfRequest request, Locale locale) {
		long started = System.nanoTime();
		LocalDate date = request.asOf() == null ? clock.today() : request.asOf();
		RuleSetView base = ruleSets.inForce(request.ruleSetCode(), date)
			.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.noneInForce", request.ruleSetCode(), date));
		RuleSetView proposed = base;
		if (request.proposedRuleSetId() != null) {
			proposed = ruleSets.find(scope, request.proposedRuleSetId())
				.orElseThrow(() -> BangfuException.notFound("identification.ruleSet.notFound", request.proposedRuleSetId()));
			if (!proposed.code().equals(base.code())) {
				throw BangfuException.badField("proposedRuleSetId", "identification.whatIf.otherRuleSet", base.code());
			}
		}
		WhatIfQuery.Figure figure = figure(request.standard());
		if (figure == null && proposed.id() == base.id()) {
			throw BangfuException.badField("standard", "identification.whatIf.nothingProposed");
		}
		CompiledRules before = compiler.compile(base);
		CompiledRules after = compiler.compile(proposed);
		String ownerPath = ruleSets.ownerPath(base.id()).orElseThrow();
		WhatIfQuery.Answer answer = query.run(scope, ownerPath, base, before, proposed, after, figure, date,
				request.groupLength(), request.sizeOrDefault(), (request.pageOrFirst() - 1) * request.sizeOrDefault());

		Map<String, String> labels = new HashMap<>();
		labels.put(Explainer.UNDECIDED, messages.getMessage("identification.outcome.UNDECIDED", null, locale));
		for (RuleSetView rs : List.of(proposed, base)) {
			for (String o : rs.content().outcomes()) {
				labels.put(o, rs.content().labelOf(o, locale));
			}
		}
		Map<String, long[]> classes = new LinkedHashMap<>();
		LinkedHashSet<String> order = new LinkedHashSet<>(base.content().outcomes());
		order.addAll(proposed.content().outcomes());
		order.add(Explainer.UNDECIDED);
		order.forEach(o -> classes.put(o, new long[2]));
		Map<String, String> regionNames = new HashMap<>();
		List<WhatIfResult.Move> moves = new ArrayList<>();
		long households = 0;
		long changed = 0;
		for (WhatIfQuery.Cell c : answer.cells()) {
			households += c.count();
			classes.computeIfAbsent(c.before(), k -> new long[2])[0] += c.count();
			classes.computeIfAbsent(c.after(), k -> new long[2])[1] += c.count();
			if (!c.before().equals(c.after())) {
				changed += c.count();
				moves.add(new WhatIfResult.Move(c.region(), regionName(c.region(), regionNames), c.before(),
						labels.getOrDefault(c.before(), c.before()), c.after(), labels.getOrDefault(c.after(), c.after()),
						c.count()));
			}
		}
		List<WhatIfResult.ClassCount> counts = new ArrayList<>();
		classes.forEach((o, n) -> {
			if (n[0] > 0 || n[1] > 0 || !o.equals(Explainer.UNDECIDED)) {
				counts.add(new WhatIfResult.ClassCount(o, labels.getOrDefault(o, o), n[0], n[1]));
			}
		});
		List<WhatIfResult.ChangedHousehold> page = answer.changed().stream()
			.map(h -> new WhatIfResult.ChangedHousehold(h.householdId(), h.fileNo(), h.regionCode(), h.headName(), h.before(),
					labels.getOrDefault(h.before(), h.before()), h.after(), labels.getOrDefault(h.after(), h.after())))
			.toList();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("ruleSet", base.code());
		detail.put("proposedVersion", proposed.version());
		detail.put("standard", request.standard() == null ? "" : String.valueOf(request.standard()));
		detail.put("households", households);
		detail.put("changed", changed);
		audit.record("whatIf.run", "ruleSet", base.id(), detail);
		return new WhatIfResult(base.code(), base.version(), proposed.version(), date, households, changed, counts, moves,
				page, request.pageOrFirst(), request.sizeOrDefault(), (System.nanoTime() - started) / 1_000_000);
	}

	private WhatIfQuery.Figure figure(ProposedStandard p) {
		if (p == null || p.kind() == null || p.kind().isBlank()) {
			return null;
		}
		StandardKindView kind = standards.kind(p.kind())
			.orElseThrow(() -> BangfuException.badField("standard.kind", "identification.standard.kind.unknown", p.kind()));
		if (p.value() == null || p.value().signum() < 0) {
			throw BangfuException.badField("standard.value", "identification.standard.value.required");
		}
		String prefix = "";
		if (p.regionCode() != null && !p.regionCode().isBlank()) {
			RegionView region = regions.require(p.regionCode());
			prefix = StandardStore.prefix(region.code(), region.level());
		}
		return new WhatIfQuery.Figure(kind.code(), prefix, p.value(), p.basis() == null ? kind.basis() : p.basis());
	}

	private String regionName(String code, Map<String, String> cache) {
		return cache.computeIfAbsent(code, c -> regions.find(c).map(RegionView::name).orElse(c));
	}

}

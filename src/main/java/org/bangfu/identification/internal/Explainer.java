package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.identification.Explanation;
import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.StandardKindView;
import org.bangfu.identification.StandardView;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Words;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns an evaluation trace into an explanation in the reader's language. */
@Component
public class Explainer {

	public static final String UNDECIDED = "UNDECIDED";

	private final MessageSource messages;

	private final StandardStore standards;

	Explainer(MessageSource messages, StandardStore standards) {
		this.messages = messages;
		this.standards = standards;
	}

	public String outcomeOf(RuleSetView rs, int matchedRow) {
		if (matchedRow == CompiledRules.UNDECIDED) {
			return UNDECIDED;
		}
		if (matchedRow == CompiledRules.NOT_FILED) {
			return SetEvaluator.NOT_FILED;
		}
		return matchedRow == CompiledRules.DEFAULT ? rs.content().defaultOutcome()
				: rs.content().rows().get(matchedRow - 1).outcome();
	}

	public String undecidedLabel(Locale locale) {
		return messages.getMessage("identification.outcome.UNDECIDED", null, locale);
	}

	/** The label of an outcome no rule gives: undecided (a standard is missing) or not yet filed on the date. */
	public String specialLabel(String outcome, Locale locale) {
		return messages.getMessage("identification.outcome." + (SetEvaluator.NOT_FILED.equals(outcome) ? outcome : UNDECIDED),
				null, locale);
	}

	/**
	 * The answer for a date before the household was filed: 'not yet filed on that date', with
	 * when it was first filed, and no rule tried (today's file says nothing about that date).
	 */
	public Explanation notFiled(RuleSetView rs, LocalDate asOf, LocalDate firstFiled, Locale locale) {
		String label = specialLabel(SetEvaluator.NOT_FILED, locale);
		String summary = messages.getMessage("identification.explain.notFiled", new Object[] { asOf, firstFiled }, locale);
		return new Explanation(rs.code(), rs.version(), rs.name(locale), asOf, SetEvaluator.NOT_FILED, label,
				CompiledRules.NOT_FILED, summary, List.of(), List.of(), List.of(), List.of());
	}

	public String labelOf(RuleSetView rs, int matchedRow, Locale locale) {
		if (matchedRow == CompiledRules.NOT_FILED) {
			return specialLabel(SetEvaluator.NOT_FILED, locale);
		}
		if (matchedRow == CompiledRules.UNDECIDED) {
			return messages.getMessage("identification.outcome.UNDECIDED", null, locale);
		}
		return matchedRow == CompiledRules.DEFAULT ? rs.content().labelOf(rs.content().defaultOutcome(), locale)
				: rs.content().rows().get(matchedRow - 1).label(locale);
	}

	/** The explanation of an evaluation of rules (compiled from rs) against env with the standards used. */
	public Explanation explain(RuleSetView rs, CompiledRules rules, Env env, Map<String, StandardView> used,
			LocalDate asOf, String regionCode, Locale locale) {
		Words words = words(locale);
		CompiledRules.Trace trace = rules.evaluate(env, words);
		List<Explanation.Step> steps = new ArrayList<>();
		for (CompiledRules.Step s : trace.steps()) {
			RuleRow row = rs.content().rows().get(s.row() - 1);
			steps.add(new Explanation.Step(s.row(), row.condition(), s.rendered(), s.result(), row.outcome(), row.label(locale)));
		}
		String label = labelOf(rs, trace.matchedRow(), locale);
		String outcome = outcomeOf(rs, trace.matchedRow());
		String summary;
		if (trace.matchedRow() == CompiledRules.UNDECIDED) {
			summary = messages.getMessage("identification.explain.missing",
					new Object[] { String.join(", ", kindNames(trace.missingKinds(), locale)), regionCode, asOf }, locale);
		}
		else if (trace.matchedRow() == CompiledRules.DEFAULT) {
			steps.add(new Explanation.Step(0, null, null, null, outcome, label));
			summary = messages.getMessage("identification.explain.default", new Object[] { label }, locale);
		}
		else {
			summary = steps.get(steps.size() - 1).rendered() + " → " + label;
		}
		List<Explanation.FactValue> facts = new ArrayList<>();
		for (Fact f : rules.facts()) {
			facts.add(new Explanation.FactValue(f.column(), messages.getMessage(f.messageKey(), null, locale),
					words.value(f.type() == org.bangfu.identification.rules.Type.BOOLEAN ? env.fact(f) : env.number(f))));
		}
		List<Explanation.StandardUse> uses = new ArrayList<>();
		Map<String, StandardKindView> kinds = kindMap();
		for (String kind : rules.kinds()) {
			StandardView s = used.get(kind);
			String kindName = kinds.containsKey(kind) ? kinds.get(kind).name(locale) : kind;
			if (s != null) {
				uses.add(new Explanation.StandardUse(kind, kindName, s.valueText(), s.basis(), s.regionCode(),
						s.regionCode() == null ? messages.getMessage("identification.region.national", null, locale)
								: s.regionName(),
						s.effectiveFrom(), s.effectiveTo(), s.version(), s.id()));
			}
		}
		return new Explanation(rs.code(), rs.version(), rs.name(locale), asOf, outcome, label, trace.matchedRow(), summary,
				steps, facts, uses, trace.missingKinds());
	}

	/** The explanation's words with facts and standards named in the reader's language. */
	public Words words(Locale locale) {
		Map<String, StandardKindView> kinds = kindMap();
		java.util.function.Function<String, String> w = key -> messages.getMessage("identification.words." + key, null, locale);
		return new Words(w.apply("yes"), w.apply("no"), w.apply("and"), w.apply("or"), w.apply("not"), w.apply("unknown"),
				w.apply("so"), w.apply("perMonth"), w.apply("perYear"), Fact::column, k -> k).named(f -> messages.getMessage(f.messageKey(), null, f.column(), locale),
				k -> kinds.containsKey(k) ? kinds.get(k).name(locale) : k);
	}

	private List<String> kindNames(List<String> codes, Locale locale) {
		Map<String, StandardKindView> kinds = kindMap();
		return codes.stream().map(c -> kinds.containsKey(c) ? kinds.get(c).name(locale) : c).toList();
	}

	private Map<String, StandardKindView> kindMap() {
		Map<String, StandardKindView> m = new java.util.HashMap<>();
		standards.kinds().forEach(k -> m.put(k.code(), k));
		return m;
	}

}

package org.bangfu.identification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bangfu.cases.DecisionSnapshots;
import org.bangfu.cases.FrozenDecision;
import org.bangfu.identification.DecisionView;
import org.bangfu.identification.Decisions;
import org.bangfu.shared.Actor;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Gives cases the household's current decisions (one per rule set, as recorded) to freeze at
 * submission, read in the submitting user's scope. Nothing recorded yet: the case goes on
 * without a decision, as the case page shows.
 */
@Component
class CaseDecisionSnapshots implements DecisionSnapshots {

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final Decisions decisions;

	CaseDecisionSnapshots(Decisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public Optional<FrozenDecision> current(long householdId) {
		Optional<Actor> actor = Actor.current();
		if (actor.isEmpty()) {
			return Optional.empty();
		}
		List<DecisionView> current = decisions.current(actor.get().scope(), householdId, Locale.SIMPLIFIED_CHINESE);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		String label = current.stream()
			.map(d -> d.label() + "（" + d.ruleSetCode() + " v" + d.ruleSetVersion() + "）")
			.collect(Collectors.joining("；"));
		String explanation = current.stream()
			.map(d -> d.ruleSetCode() + " v" + d.ruleSetVersion() + " " + d.asOf() + ": " + d.label()
					+ (d.stale() ? " (stale)" : ""))
			.collect(Collectors.joining("\n"));
		return Optional.of(new FrozenDecision(label, explanation, JSON.writeValueAsString(current)));
	}

}

package org.bangfu.pairing;

import java.util.List;

import org.bangfu.pairing.PairingVocabulary.Indicator;

/**
 * The indicator state (latest visit checklist per household) rolled up for one organisation
 * subtree or region: filed households, households with a checklist, and per indicator how
 * many meet it, fail it, or were not checked.
 */
public record IndicatorRollup(String key, String name, long households, long withChecklist, List<Count> counts,
		boolean drillable) {

	public record Count(Indicator indicator, long met, long notMet, long unknown) {
	}

	public Count count(Indicator indicator) {
		return counts.stream().filter(c -> c.indicator() == indicator).findFirst().orElseThrow();
	}

}

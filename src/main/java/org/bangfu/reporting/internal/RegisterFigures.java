package org.bangfu.reporting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.pairing.Pairings;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.reporting.FigureSource;
import org.bangfu.reporting.ReportPeriod;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Households on the register now: filed and exited from the registry's kept counts per organisation and status
 * (through the registry's search, whose total for a status alone is read from those counts, not counted), and
 * paired or unpaired from the pairing module. They are the state at the time of filling, not of the period.
 */
@Component
class RegisterFigures implements FigureSource {

	private final HouseholdRegistry registry;

	private final Pairings pairings;

	RegisterFigures(HouseholdRegistry registry, Pairings pairings) {
		this.registry = registry;
		this.pairings = pairings;
	}

	@Override
	public List<String> codes() {
		return List.of("households.filed", "households.draft", "households.exited", "households.closed", "households.paired",
				"households.unpaired");
	}

	@Override
	public Map<String, Long> compute(Scope scope, ReportPeriod period, List<String> wanted) {
		Map<String, Long> out = new LinkedHashMap<>();
		long filed = count(scope, HouseholdStatus.FILED);
		out.put("households.filed", filed);
		if (wanted.contains("households.exited")) {
			out.put("households.exited", count(scope, HouseholdStatus.EXITED));
		}
		if (wanted.contains("households.draft")) {
			out.put("households.draft", count(scope, HouseholdStatus.DRAFT));
		}
		if (wanted.contains("households.closed")) {
			out.put("households.closed", count(scope, HouseholdStatus.CLOSED));
		}
		if (wanted.contains("households.paired") || wanted.contains("households.unpaired")) {
			long unpaired = pairings.countUnpaired(scope);
			out.put("households.unpaired", unpaired);
			out.put("households.paired", filed - unpaired);
		}
		return out;
	}

	long count(Scope scope, HouseholdStatus status) {
		return registry.search(scope, new HouseholdQuery(null, null, null, null, status, null, null, null, null, 1, 10))
			.total();
	}

	@Override
	public Optional<String> drillDown(String code, ReportPeriod period) {
		return Optional.ofNullable(switch (code) {
			case "households.filed" -> "/households?status=FILED";
			case "households.exited" -> "/households?status=EXITED";
			case "households.closed" -> "/households?status=CLOSED";
			case "households.draft" -> "/households?status=DRAFT";
			case "households.unpaired" -> "/pairing/unpaired";
			case "households.paired" -> "/pairing/coverage";
			default -> null;
		});
	}

}

package org.bangfu.reporting;

import java.util.List;

/** How a submitted report's figures enter the receiving level's report: by code, in the template's order (0 when absent). */
final class RollUp {

	private RollUp() {
	}

	static List<Long> valuesOf(ReportView r, List<String> codes) {
		return codes.stream()
			.map(c -> r.figures().stream().filter(f -> f.code().equals(c)).mapToLong(FigureValue::value).findFirst().orElse(0L))
			.toList();
	}

}

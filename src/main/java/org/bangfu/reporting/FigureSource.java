package org.bangfu.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.shared.Scope;

/**
 * Computes figures (counts, or amounts in fen when the code starts with funds.) of an organisation
 * subtree for a period, set-based. Report templates, dashboards and assessment indicators name figures
 * by code; a module adds figure kinds (exits, relapses, monitored households) by declaring a bean of this
 * type, without a change here. Each figure needs a label reporting.figure.CODE in the reporting bundle.
 */
public interface FigureSource {

	/** The codes this source computes. */
	List<String> codes();

	/** The figures among {@code wanted} (all of them are codes of this source) for the scope and period. */
	Map<String, Long> compute(Scope scope, ReportPeriod period, List<String> wanted);

	/** The page listing what is behind a figure, when there is one. */
	default Optional<String> drillDown(String code, ReportPeriod period) {
		return Optional.empty();
	}

}

package org.bangfu.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what stopped the start and what to do, instead of a stack trace. */
public class StartupProblemFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblem> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}

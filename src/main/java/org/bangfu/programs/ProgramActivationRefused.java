package org.bangfu.programs;

import java.util.List;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/** A draft's activation refused because test cases fail: the failing cases, for the page and the API. */
public class ProgramActivationRefused extends BangfuException {

	private final transient List<ProgramTestResult> failures;

	public ProgramActivationRefused(List<ProgramTestResult> failures) {
		super(Problem.CONFLICT, "programs.program.testsFail", failures.size());
		this.failures = List.copyOf(failures);
	}

	public List<ProgramTestResult> failures() {
		return failures;
	}

}

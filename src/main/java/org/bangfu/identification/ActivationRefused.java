package org.bangfu.identification;

import java.util.List;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * A draft's activation refused because test cases fail: the failing cases with what each
 * expected and what the rules gave, so the page and the API can list them.
 */
public class ActivationRefused extends BangfuException {

	private final transient List<TestResult> failures;

	public ActivationRefused(List<TestResult> failures) {
		super(Problem.CONFLICT, "identification.ruleSet.testsFail", failures.size());
		this.failures = List.copyOf(failures);
	}

	public List<TestResult> failures() {
		return failures;
	}

}

package org.bangfu.identification;

/** A test case run: what was expected, what the rules gave, and the rendered reason (or the error). */
public record TestResult(int index, String name, String expected, String actual, boolean passed, String reason)
		implements java.io.Serializable {
}

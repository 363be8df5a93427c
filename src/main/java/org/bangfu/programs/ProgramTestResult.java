package org.bangfu.programs;

/** A test case run: what was expected, what the rules gave (amounts in yuan, one per line), and why. */
public record ProgramTestResult(int index, String name, String expected, String actual, boolean passed, String reason)
		implements java.io.Serializable {
}

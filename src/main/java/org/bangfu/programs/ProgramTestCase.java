package org.bangfu.programs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An example household and what the program must pay it: facts (others 0 / no), members (for
 * per-member programs), the months of the cycle (default 1), what the program already paid it
 * this year (default 0), and the expected amounts, one per line in member order (an empty list:
 * nothing), in yuan.
 */
public record ProgramTestCase(@NotBlank(message = "{programs.case.name.required}") @Size(max = 200, message = "{programs.text.size}") String name,
		Map<String, Object> facts, List<TestMember> members, Integer months, BigDecimal paidThisYear, List<BigDecimal> expected) {

	public List<TestMember> membersOrEmpty() {
		return members == null ? List.of() : members;
	}

	public List<BigDecimal> expectedOrEmpty() {
		return expected == null ? List.of() : expected;
	}

}

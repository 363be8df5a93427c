package org.bangfu.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.bangfu.programs.ProgramTestResult;
import org.junit.jupiter.api.Test;

/** Every shipped program compiles and its own test cases pass (else it would ship as a draft). */
class ShippedProgramTestCasesTests {

	@Test
	void everyShippedProgramPassesItsTestCases() throws Exception {
		List<ShippedPrograms.Shipped> shipped = ShippedPrograms.read();
		assertThat(shipped).extracting(ShippedPrograms.Shipped::code)
			.contains("plan2-double-ninth", "plan2-august-study", "plan2-december", "plan5-pupils", "plan5-university",
					"plan10-new-year", "plan10-price-subsidy", "plan10-heating", "plan10-medical", "plan21-medical",
					"plan21-medical-once", "plan6-condolence", "case-assistance", "plan2-heat-warning", "plan2-cold-wave-warning", "post-subsidy");
		for (ShippedPrograms.Shipped s : shipped) {
			List<ProgramTestResult> results = ProgramTestsPolicy.run(s.content(), Locale.SIMPLIFIED_CHINESE);
			assertThat(results).as(s.code()).isNotEmpty();
			assertThat(results).as(s.code() + ": " + results).allMatch(ProgramTestResult::passed);
			// the set-based statement can be written for every one
			assertThat(RosterGeneration.sql(s.content())).contains("INSERT INTO programs_roster_line", "ON CONFLICT DO NOTHING");
		}
	}

}

package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of 100,000 households that prints the rate (no timing assertion: the machine is shared). */
class GeneratorTimingTests {

	@TempDir
	Path dir;

	@Test
	void generates100000Households() throws Exception {
		GeneratorOptions options = new GeneratorOptions(100_000, 1, this.dir.resolve("t.csv"), 0.01,
				GeneratorOptions.charset(null), null, GeneratorOptions.AS_OF);

		HouseholdGenerator.Result r = new HouseholdGenerator(options).generate();

		System.out.println("generated " + r.households() + " households, " + r.rows() + " rows in " + r.seconds() + " s: "
				+ Math.round(r.households() / r.seconds()) + " households/s");
		assertThat(r.households()).isEqualTo(100_000);
		assertThat(r.rows()).isBetween(280_000L, 310_000L);
		assertThat(r.defects()).isEqualTo(1_000);
		assertThat(Files.size(options.out())).isGreaterThan(10_000_000L);
	}

}

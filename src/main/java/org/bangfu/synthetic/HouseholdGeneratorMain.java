package org.bangfu.synthetic;

import java.util.List;

/**
 * Runs the generator without Spring, for the benchmark harness:
 * {@code java -cp ... org.bangfu.synthetic.HouseholdGeneratorMain --count N --seed S --out FILE [...]}.
 * Prints one summary line; exit code 2 on bad arguments.
 */
public final class HouseholdGeneratorMain {

	private HouseholdGeneratorMain() {
	}

	public static void main(String[] args) throws Exception {
		GeneratorOptions options;
		try {
			options = GeneratorOptions.parse(List.of(args));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		HouseholdGenerator.Result result = new HouseholdGenerator(options).generate();
		System.out.println(summary(options, result));
	}

	static String summary(GeneratorOptions options, HouseholdGenerator.Result r) {
		return "Wrote " + r.rows() + " rows, " + r.households() + " households (" + r.defects() + " with a planted defect) to "
				+ options.out() + " in " + Math.round(r.seconds() * 100) / 100.0 + " s; manifest " + options.manifest();
	}

}

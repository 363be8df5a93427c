package org.bangfu.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.bangfu.platform.CommandLine;
import org.springframework.stereotype.Component;

/** {@code java -jar bangfu.jar generate households --count N --seed S --out FILE ...}. */
@Component
class GenerateHouseholdsCommand implements CommandLine.Command {

	@Override
	public List<String> words() {
		return List.of("generate", "households");
	}

	@Override
	public String usage() {
		return GeneratorOptions.USAGE;
	}

	@Override
	public int execute(List<String> words, List<String> allArgs, PrintStream out) {
		GeneratorOptions options;
		try {
			options = GeneratorOptions.parse(allArgs);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		try {
			out.println(HouseholdGeneratorMain.summary(options, new HouseholdGenerator(options).generate()));
			return 0;
		}
		catch (IOException ex) {
			out.println("Could not write " + options.out() + ": " + ex.getMessage());
			return 1;
		}
	}

}

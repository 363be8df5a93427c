package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line options, and the county option placing every household in that county. */
class GeneratorOptionsTests {

	@TempDir
	Path dir;

	@Test
	void readsTheOptionsOfTheCommand() {
		GeneratorOptions o = GeneratorOptions.parse(List.of("generate", "households", "--count", "500", "--seed=9",
				"--out", "/tmp/x/households.csv", "--bad-fraction", "0.01", "--encoding", "gb18030", "--county", "420102"));

		assertThat(o.count()).isEqualTo(500);
		assertThat(o.seed()).isEqualTo(9);
		assertThat(o.badFraction()).isEqualTo(0.01);
		assertThat(o.encoding()).isEqualTo(Charset.forName("GB18030"));
		assertThat(o.regionPrefix()).isEqualTo("420102");
		assertThat(o.manifest()).isEqualTo(Path.of("/tmp/x/households.manifest.csv"));
		assertThat(o.xlsx()).isFalse();
	}

	@Test
	void refusesWhatItCannotDo() {
		assertThatThrownBy(() -> GeneratorOptions.parse(List.of("--count", "5"))).hasMessageContaining("Usage");
		assertThatThrownBy(() -> GeneratorOptions.parse(List.of("--count", "5", "--out", "x.txt"))).hasMessageContaining(".csv");
		assertThatThrownBy(() -> GeneratorOptions.parse(List.of("--count", "5", "--out", "x.csv", "--bad-fraction", "0.9")))
			.hasMessageContaining("bad-fraction");
		assertThatThrownBy(() -> GeneratorOptions.parse(List.of("--count", "5", "--out", "x.csv", "--encoding", "latin1")))
			.hasMessageContaining("encoding");
		assertThatThrownBy(() -> GeneratedFile.generate(this.dir, "n.csv", 5, 1, 0, null, "990000"))
			.hasMessageContaining("No township");
	}

	@Test
	void aCountyPutsEveryHouseholdAndEveryIdNumberInThatCounty() throws Exception {
		GeneratedFile file = GeneratedFile.read(GeneratedFile.generate(this.dir, "c.csv", 3_000, 4, 0, null, "420102").out());

		for (GeneratedFile.Row r : file.rows) {
			assertThat(r.get(TemplateColumn.ID_NUMBER)).startsWith("420102");
			if (r.isHead()) {
				assertThat(r.get(TemplateColumn.REGION_CODE)).startsWith("420102").hasSize(9);
				assertThat(TemplateRules.regionExists(r.get(TemplateColumn.REGION_CODE))).isTrue();
			}
		}
		assertThat(TemplateRules.findings(file)).isEmpty();
	}

	@Test
	void theCommandRunsForGenerateHouseholdsAndReportsWhatItWrote() {
		GenerateHouseholdsCommand command = new GenerateHouseholdsCommand();
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
		List<String> args = List.of("generate", "households", "--count", "40", "--out",
				this.dir.resolve("cmd.xlsx").toString(), "--bad-fraction", "0.1");

		assertThat(command.matches(args)).isTrue();
		assertThat(command.execute(List.of("generate", "households"), args, out)).isZero();
		assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("40 households (4 with a planted defect)");
		assertThat(this.dir.resolve("cmd.xlsx")).exists();
		assertThat(command.execute(List.of(), List.of("generate", "households", "--count", "x"), out)).isEqualTo(2);
	}

	@Test
	void theMainClassWritesTheFilesAndPrintsASummary() throws Exception {
		Path out = this.dir.resolve("m.csv");
		HouseholdGeneratorMain.main(new String[] { "--count", "50", "--seed", "3", "--out", out.toString() });

		assertThat(GeneratedFile.read(out).households).hasSize(50);
		assertThat(this.dir.resolve("m.manifest.csv")).exists();
	}

}

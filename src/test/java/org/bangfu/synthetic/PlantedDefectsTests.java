package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest lists exactly the defects an importer finds in the file: nothing more, nothing less. */
class PlantedDefectsTests {

	@TempDir
	Path dir;

	@Test
	void theManifestListsExactlyThePlantedDefects() throws Exception {
		GeneratorOptions options = GeneratedFile.generate(this.dir, "bad.csv", 7_000, 11, 0.05, null, null);

		List<List<String>> manifest = GeneratedFile.manifest(options.manifest());
		Set<List<String>> found = TemplateRules.findings(GeneratedFile.read(options.out()));

		assertThat(manifest).hasSize(350);
		assertThat(new HashSet<>(manifest)).hasSize(350).isEqualTo(found);
	}

	@Test
	void everyKindOfDefectIsPlantedOncePerHouseholdAndRoundRobin() throws Exception {
		GeneratorOptions options = GeneratedFile.generate(this.dir, "kinds.csv", 2_800, 3, 0.1, null, null);

		List<List<String>> manifest = GeneratedFile.manifest(options.manifest());

		assertThat(manifest).hasSize(280);
		assertThat(manifest.stream().map(l -> l.get(0)).distinct()).hasSize(280);
		assertThat(manifest.stream().map(l -> l.get(3)).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(List.of(Defect.values()).stream().map(Defect::code).toList());
		for (int i = 0; i < manifest.size(); i++) {
			assertThat(manifest.get(i).get(3)).isEqualTo(Defect.values()[i % Defect.values().length].code());
		}
	}

	@Test
	void withoutABadFractionTheFileIsCleanAndTheManifestEmpty() throws Exception {
		GeneratorOptions options = GeneratedFile.generate(this.dir, "clean.csv", 5_000, 5, 0, null, null);

		assertThat(GeneratedFile.manifest(options.manifest())).isEmpty();
		assertThat(TemplateRules.findings(GeneratedFile.read(options.out()))).isEmpty();
	}

	@Test
	void theGb18030FileCarriesTheSameDefectsAtTheSameRows() throws Exception {
		GeneratorOptions options = GeneratedFile.generate(this.dir, "gbk.csv", 1_500, 13, 0.02, "gb18030", null);

		Set<List<String>> found = TemplateRules
			.findings(GeneratedFile.read(options.out(), java.nio.charset.Charset.forName("GB18030")));

		assertThat(found).hasSize(30).isEqualTo(new HashSet<>(GeneratedFile.manifest(options.manifest())));
	}

}

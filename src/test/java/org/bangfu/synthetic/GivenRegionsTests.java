package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.bangfu.registry.TemplateColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Households placed in given village codes (the demo register's villages) instead of the townships under a prefix. */
class GivenRegionsTests {

	static final List<String> VILLAGES = List.of("420102002003", "420102002004", "420102002005");

	@TempDir
	Path dir;

	@Test
	void everyHouseholdIsInOneOfTheGivenVillagesAndItsIdNumbersInTheirCounty() throws Exception {
		Path out = this.dir.resolve("villages.csv");
		new HouseholdGenerator(new GeneratorOptions(200, 7, out, 0, StandardCharsets.UTF_8, null, GeneratorOptions.AS_OF),
				VILLAGES)
			.generate();

		GeneratedFile file = GeneratedFile.read(out);
		List<String> regions = file.rows.stream().filter(GeneratedFile.Row::isHead)
			.map(r -> r.get(TemplateColumn.REGION_CODE))
			.toList();
		assertThat(regions).hasSize(200).allSatisfy(code -> assertThat(VILLAGES).contains(code));
		assertThat(regions).containsAll(VILLAGES);
		assertThat(file.rows).allSatisfy(r -> assertThat(r.get(TemplateColumn.ID_NUMBER)).startsWith("420102"));
	}

	@Test
	void aCodeThatIsNeitherATownshipNorAVillageIsRefused() {
		assertThatThrownBy(() -> new HouseholdGenerator(new GeneratorOptions(1, 7, this.dir.resolve("x.csv"), 0,
				StandardCharsets.UTF_8, null, GeneratorOptions.AS_OF), List.of("420102")).generate())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("420102");
	}

}

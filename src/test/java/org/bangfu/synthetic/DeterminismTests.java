package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed always gives the same bytes; another seed gives another file. */
class DeterminismTests {

	@TempDir
	Path dir;

	@Test
	void theSameSeedGivesByteIdenticalFilesAndManifests() throws Exception {
		GeneratorOptions a = GeneratedFile.generate(this.dir, "a.csv", 3_000, 99, 0.03, null, null);
		GeneratorOptions b = GeneratedFile.generate(this.dir, "b.csv", 3_000, 99, 0.03, null, null);

		assertThat(Files.mismatch(a.out(), b.out())).isEqualTo(-1L);
		assertThat(Files.mismatch(a.manifest(), b.manifest())).isEqualTo(-1L);
		assertThat(Files.size(a.manifest())).isGreaterThan(100);
	}

	@Test
	void anotherSeedGivesAnotherFile() throws Exception {
		GeneratorOptions a = GeneratedFile.generate(this.dir, "a.csv", 3_000, 99, 0, null, null);
		GeneratorOptions c = GeneratedFile.generate(this.dir, "c.csv", 3_000, 100, 0, null, null);

		assertThat(Files.mismatch(a.out(), c.out())).isNotEqualTo(-1L);
		assertThat(GeneratedFile.read(a.out()).rows.get(0).cells()).isNotEqualTo(GeneratedFile.read(c.out()).rows.get(0).cells());
	}

}

package org.bangfu.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.crosscheck.internal.KeyedHash;
import org.bangfu.identification.Places;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Writes the golden files of the Spark path (crosscheck-spark/src/test/resources/golden): the
 * generated extract files, the register's keyed hashes (with a fixed test-only key) and the
 * findings this database path gives on them. Fails when the committed files are stale (and
 * rewrites them, to be committed), so the Spark module's test always compares against what the
 * database path gives today.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, CrossCheckWorld.class })
class CrossCheckSparkFixtureIntegrationTests {

	static final Path GOLDEN = Path.of("crosscheck-spark/src/test/resources/golden");

	/** A test-only lookup key, never an instance's. */
	static final byte[] FIXTURE_KEY = HexFormat.of().parseHex("6e6f742d612d7265616c2d6b65793a2062616e6766752d666978747572652d3031");

	@Autowired
	CrossCheckWorld worlds;

	@Autowired
	Findings findings;

	@Test
	void theGoldenFilesOfTheSparkPathAreTheDatabasePathsFindingsOfToday() throws IOException {
		CrossCheckWorld.World w = worlds.world(3);
		for (ExtractKind k : ExtractKind.values()) {
			worlds.importKind(w, w.worker(), k, StandardCharsets.UTF_8, 30);
		}
		Map<Long, String> labels = new java.util.HashMap<>();
		w.households().forEach((label, id) -> labels.put(id, label));
		List<FindingView> found = CrossCheckWorld.as(w.worker(), () -> findings.list(w.worker().scope(), null, null, null, 0, 200));
		assertThat(found).hasSize(w.data().expected.size());
		List<String[]> lines = new ArrayList<>();
		for (FindingView f : found) {
			lines.add(new String[] { f.kind().name(), labels.get(f.householdId()), f.memberName(), Integer.toString(f.evidence().size()) });
		}
		lines.sort(Comparator.<String[], String>comparing(l -> l[0]).thenComparing(l -> l[1]).thenComparing(l -> l[2]));
		StringBuilder out = new StringBuilder("kind,household,name,rows\n");
		lines.forEach(l -> out.append(String.join(",", l)).append('\n'));

		Map<Path, String> files = new LinkedHashMap<>();
		files.put(GOLDEN.resolve("fixture.key"), HexFormat.of().formatHex(FIXTURE_KEY) + "\n");
		files.put(GOLDEN.resolve("register.csv"), register(w.data()));
		w.data().csv().forEach((k, text) -> files.put(GOLDEN.resolve("extracts").resolve(k.name() + ".csv"), text));
		files.put(GOLDEN.resolve("findings.csv"), out.toString());
		List<Path> stale = new ArrayList<>();
		for (var e : files.entrySet()) {
			if (!Files.exists(e.getKey()) || !Files.readString(e.getKey(), StandardCharsets.UTF_8).equals(e.getValue())) {
				stale.add(e.getKey());
				Files.createDirectories(e.getKey().getParent());
				Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
			}
		}
		assertThat(stale).as("golden files of crosscheck-spark were stale and have been rewritten: commit them").isEmpty();
	}

	/** The register as Bangfu exports it for the Spark path: one line per active member, hashed with the fixture key. */
	static String register(PlantedExtracts data) {
		KeyedHash hash = new KeyedHash(FIXTURE_KEY);
		StringBuilder sb = new StringBuilder("household,id_hash,name,vehicles,business,housing_type,dibao,income_wage,income_pension\n");
		for (PlantedExtracts.Family f : data.families) {
			for (PlantedExtracts.Person p : List.of(f.head(), f.spouse())) {
				sb.append(String.join(",", f.label(), hash.hash(p.id()), p.name(), Integer.toString(f.vehicles()),
						f.business() == null ? "" : f.business(), f.housing() == null ? "" : f.housing().name(),
						Boolean.toString(f.dibao()), new BigDecimal(p.wage()).setScale(2).toPlainString(),
						new BigDecimal(p.pension()).setScale(2).toPlainString())).append('\n');
			}
		}
		return sb.toString();
	}

}

package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdExport.Format;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.synthetic.GeneratorOptions;
import org.bangfu.synthetic.HouseholdGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export → import round trip: what the register exports (.xlsx and CSV, in the import template)
 * imports back over the same files as "unchanged", with no row rejected and no history written,
 * so a cadre can take the export, fix it in Excel and bring it back.
 */
@ImportIntegrationTest
class HouseholdRoundTripIntegrationTests {

	private static final int HOUSEHOLDS = 150;

	@Autowired
	HouseholdImports imports;

	@Autowired
	HouseholdExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void anExportImportsBackUnchangedAsXlsxAndAsCsv() throws IOException {
		OrganisationView org = fixtures.organisation("往返导出");
		Path generated = dir.resolve("generated.csv");
		new HouseholdGenerator(new GeneratorOptions(HOUSEHOLDS, 2026, generated, 0, StandardCharsets.UTF_8, null,
				GeneratorOptions.AS_OF)).generate();
		ImportView first = importFile(org, generated);
		assertThat(first.householdsFiled()).isEqualTo(HOUSEHOLDS);
		assertThat(first.rowsRejected()).isZero();
		long changes = changes(org);

		for (Format format : Format.values()) {
			Path exported = dir.resolve("export." + format.name().toLowerCase(Locale.ROOT));
			try (OutputStream out = Files.newOutputStream(exported)) {
				HouseholdExport.Result result = export.export(new Scope(org.id(), org.path()), EnumSet.of(Role.ADMIN),
						HouseholdQuery.all(), format, out);
				assertThat(result.households()).isEqualTo(HOUSEHOLDS);
			}
			ImportView again = importFile(org, exported, OnExisting.UPDATE);
			assertThat(again.rowsRejected()).as(format + " rows rejected").isZero();
			assertThat(again.householdsUnchanged()).as(format + " unchanged").isEqualTo(HOUSEHOLDS);
			assertThat(again.householdsUpdated()).as(format + " updated").isZero();
			assertThat(again.householdsFiled()).as(format + " filed").isZero();
			assertThat(changes(org)).as(format + " wrote no history").isEqualTo(changes);
		}
	}

	private ImportView importFile(OrganisationView org, Path file) throws IOException {
		return importFile(org, file, OnExisting.SKIP);
	}

	private ImportView importFile(OrganisationView org, Path file, OnExisting mode) throws IOException {
		return imports.importLocal(org.code(), file, mode, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private long changes(OrganisationView org) {
		return jdbc.sql("SELECT count(*) FROM registry_change c JOIN registry_household h ON h.id = c.household_id"
				+ " WHERE h.organisation_id = ?").param(org.id()).query(Long.class).single();
	}

}

package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Regions;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh installation (the test database, created empty for this run) knows the village codes
 * shipped with the application, so a household file whose 区划代码 are village-level imports
 * without anyone importing villages first.
 */
@ImportIntegrationTest
class ShippedVillagesIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	Regions regions;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void householdsWithVillageLevelCodesImportOnAFreshInstallation() throws IOException {
		assertThat(regions.count(5)).as("villages loaded on the first start").isGreaterThan(600_000);
		assertThat(regions.require("420102002003").name()).isEqualTo("保成社区");
		assertThat(regions.require("420102002003").parentCode()).isEqualTo("420102002000");

		OrganisationView org = fixtures.organisation("村级导入");
		TemplateFile file = new TemplateFile();
		file.household("V-001", 2).forEach(row -> row.put(TemplateColumn.REGION_CODE, "420102002003"));
		file.household("V-002", 1).forEach(row -> row.put(TemplateColumn.REGION_CODE, "420102002004"));

		ImportView done = imports.importLocal(org.code(), file.write(dir, "villages.csv", file.csv()), OnExisting.SKIP,
				Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
				});

		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.rowsAccepted()).isEqualTo(3);
		assertThat(done.householdsFiled()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT region_code FROM registry_household WHERE organisation_id = ? ORDER BY file_no")
			.param(org.id())
			.query(String.class)
			.list()).containsExactly("420102002003", "420102002004");
	}

}

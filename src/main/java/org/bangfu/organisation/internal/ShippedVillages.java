package org.bangfu.organisation.internal;

import java.io.InputStream;

import org.bangfu.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The village codes shipped in the application ({@code regions/villages.csv.gz}, the statistical
 * bureau's 2023 edition, 620,000 villages and communities) are loaded on the first start, while no
 * village exists yet, through the village import (COPY and one set-based insert), so household
 * files with village-level 区划代码 import on a fresh installation. Later editions are imported
 * over them by command, page or API. Off with {@code bangfu.regions.load-shipped-villages=false}.
 */
@Component
@Order(5)
class ShippedVillages implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(ShippedVillages.class);

	static final String RESOURCE = "/regions/villages.csv.gz";

	private static final long LOCK = 0x56494c4cL;

	private final VillageImport imports;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final boolean enabled;

	private final boolean embedded;

	ShippedVillages(VillageImport imports, JdbcTemplate jdbc, TransactionTemplate tx,
			@Value("${bangfu.regions.load-shipped-villages:true}") boolean enabled,
			@Value("${bangfu.embedded-db.active:false}") boolean embedded) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.tx = tx;
		this.enabled = enabled;
		this.embedded = embedded;
	}

	@Override
	public void load() throws Exception {
		if (!enabled || anyVillage()) {
			return;
		}
		tx.executeWithoutResult(status -> {
			// several instances starting at once: one loads, the others wait and find the villages
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
			if (anyVillage()) {
				return;
			}
			long started = System.nanoTime();
			try (InputStream in = ShippedVillages.class.getResourceAsStream(RESOURCE)) {
				VillageImport.Result result = imports.run(in, 4_900_000, (done, total, imported, rejected) -> {
				});
				log.info("Loaded {} shipped village codes ({} rows skipped) in {} ms", result.imported(), result.rejected(),
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		if (embedded) {
			// write the loaded pages now, while starting, not in the shutdown checkpoint of the first stop
			jdbc.execute("CHECKPOINT");
		}
	}

	private boolean anyVillage() {
		return Boolean.TRUE.equals(
				jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM organisation_region WHERE level = 5)", Boolean.class));
	}

}

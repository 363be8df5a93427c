package org.bangfu.registry.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The per-organisation counter behind suggested file numbers (户编号), and whether a number is taken. */
@Repository
public class FileNumberStore {

	private final JdbcClient jdbc;

	FileNumberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's next number; concurrent callers never get the same one. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long next(long organisationId) {
		return jdbc.sql("""
				INSERT INTO registry_file_number_sequence (organisation_id, last_value) VALUES (:org, 1)
				ON CONFLICT (organisation_id) DO UPDATE SET last_value = registry_file_number_sequence.last_value + 1
				RETURNING last_value""").param("org", organisationId).query(Long.class).single();
	}

	public boolean taken(long organisationId, String fileNo) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_household WHERE organisation_id = :org AND file_no = :no)")
			.param("org", organisationId)
			.param("no", fileNo)
			.query(Boolean.class)
			.single();
	}

}

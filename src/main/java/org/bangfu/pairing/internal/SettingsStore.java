package org.bangfu.pairing.internal;

import java.util.Optional;

import org.bangfu.pairing.PairingSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pairing settings: an organisation's own row, else its nearest ancestor's, else the defaults. */
@Component
public class SettingsStore {

	private final JdbcClient jdbc;

	SettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PairingSettings effective(long organisationId) {
		return jdbc.sql("""
				SELECT s.cadre_cap, s.min_term_months, s.org_capacity, s.organisation_id
				FROM organisation o
				JOIN organisation so ON o.path LIKE so.path || '%'
				JOIN pairing_setting s ON s.organisation_id = so.id
				WHERE o.id = ?
				ORDER BY length(so.path) DESC LIMIT 1""")
			.param(organisationId)
			.query((rs, n) -> new PairingSettings(rs.getInt(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getLong(4)))
			.optional()
			.orElse(PairingSettings.defaults());
	}

	public Optional<PairingSettings> own(long organisationId) {
		return jdbc.sql("SELECT cadre_cap, min_term_months, org_capacity, organisation_id FROM pairing_setting WHERE organisation_id = ?")
			.param(organisationId)
			.query((rs, n) -> new PairingSettings(rs.getInt(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getLong(4)))
			.optional();
	}

	public void save(long organisationId, int cap, int minTermMonths, Integer orgCapacity, String by) {
		jdbc.sql("""
				INSERT INTO pairing_setting (organisation_id, cadre_cap, min_term_months, org_capacity, updated_by)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (organisation_id) DO UPDATE SET cadre_cap = EXCLUDED.cadre_cap,
				  min_term_months = EXCLUDED.min_term_months, org_capacity = EXCLUDED.org_capacity,
				  updated_at = now(), updated_by = EXCLUDED.updated_by""")
			.params(organisationId, cap, minTermMonths, orgCapacity, by)
			.update();
	}

}

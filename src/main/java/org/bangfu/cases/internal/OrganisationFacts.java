package org.bangfu.cases.internal;

import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.BangfuException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads an organisation's kind and region level (plain SQL on the organisation tables, read only). */
@Repository
public class OrganisationFacts {

	private final JdbcClient jdbc;

	OrganisationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ActingOrganisation of(long organisationId) {
		return jdbc.sql("""
				SELECT o.id, o.name, o.path, o.type, r.level, o.region_code FROM organisation o
				LEFT JOIN organisation_region r ON r.code = o.region_code WHERE o.id = ?""")
			.param(organisationId)
			.query((rs, n) -> new ActingOrganisation(rs.getLong(1), rs.getString(2), rs.getString(3),
					OrganisationType.valueOf(rs.getString(4)), (Integer) rs.getObject(5), rs.getString(6)))
			.optional()
			.orElseThrow(() -> BangfuException.notFound("organisation.notFound", organisationId));
	}

}

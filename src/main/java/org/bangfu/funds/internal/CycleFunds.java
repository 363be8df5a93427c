package org.bangfu.funds.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.programs.PaymentFunds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The funds a cycle's roster was committed to or paid from, for the household's payments and its ledger. */
@Component
class CycleFunds implements PaymentFunds {

	private final JdbcClient jdbc;

	CycleFunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> fundNames(Collection<Long> cycleIds) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (cycleIds.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT e.cycle_id, string_agg(DISTINCT f.name, '、' ORDER BY f.name) AS names
				FROM funds_ledger_entry e JOIN funds_fund f ON f.id = e.fund_id
				WHERE e.cycle_id IN (:cycles) AND e.account IN ('COMMITTED', 'SPENT') AND e.amount_fen > 0
				GROUP BY e.cycle_id""")
			.param("cycles", cycleIds)
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

}

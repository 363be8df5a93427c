package org.bangfu.identification;

import org.bangfu.identification.internal.FactsTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For modules that read the maintained facts table {@code identification_facts} in SQL
 * (programs' rosters, a documented read-only dependency): makes the rows of some organisations
 * right for today before a set-based read, the way identification's own batch does.
 */
@Service
public class FactsFreshness {

	private final FactsTable table;

	FactsFreshness(FactsTable table) {
		this.table = table;
	}

	/** Makes the facts rows of these organisations current; returns how many there are. */
	@Transactional
	public long ensureFresh(Long[] organisations) {
		return table.ensureFresh(organisations).count();
	}

}

package org.bangfu.cases.web;

import org.bangfu.organisation.OrganisationType;

/** The copy-a-chain form as typed: which chain, the new code and names, the kind of organisation (empty = the source's). */
public record CopyChainForm(Long sourceId, String code, String name, String nameEn, OrganisationType organisationType,
		Boolean defaultChain) {

	static CopyChainForm empty(Long sourceId) {
		return new CopyChainForm(sourceId, "", "", "", null, false);
	}

}

package org.bangfu.cases.web;

/** An objection received on paper, by phone or in person, as the staff member typed it. */
public record ObjectionForm(Long caseId, String channel, String objectorName, String objectorContact, String text) {

	static ObjectionForm empty() {
		return new ObjectionForm(null, "PAPER", "", "", "");
	}

}

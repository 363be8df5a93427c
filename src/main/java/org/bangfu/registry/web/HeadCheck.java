package org.bangfu.registry.web;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;

/**
 * What the relation select says as it changes (js/registry-forms.js), so "exactly one head" is
 * seen before saving: a message when 户主 is chosen (blocking, or only a note) and one when
 * anything else is chosen. The server checks the same rules on save.
 */
record HeadCheck(String whenHead, boolean whenHeadBlocks, String whenNotHead) {

	/** The head of a new household must be 户主. */
	static HeadCheck newHousehold(PageMessages messages) {
		return new HeadCheck("", false, messages.get("registry.head.mustBeHead"));
	}

	/** A further member typed on the registration page, under the head. */
	static HeadCheck furtherMember(PageMessages messages) {
		return new HeadCheck(messages.get("registry.head.headAbove"), true, "");
	}

	/** Adding a member: the household has its head already. */
	static HeadCheck adding(HouseholdView h, PageMessages messages) {
		return h.head().isPresent() ? new HeadCheck(messages.get("registry.head.exists", h.headName()), true, "")
				: new HeadCheck("", false, "");
	}

	/** Editing a member: the head cannot stop being head; another member becoming head replaces the head. */
	static HeadCheck editing(HouseholdView h, MemberView m, PageMessages messages) {
		if (m.head()) {
			return new HeadCheck("", false, messages.get("registry.head.required"));
		}
		return h.head().isPresent() ? new HeadCheck(messages.get("registry.head.willReplace", h.headName()), false, "")
				: new HeadCheck("", false, "");
	}

}

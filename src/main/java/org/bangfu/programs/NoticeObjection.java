package org.bangfu.programs;

/**
 * An objection from the public page of a roster notice: the row number it concerns, optional name
 * and contact, the text, and a field people never see (website) that scripts fill in.
 */
public record NoticeObjection(Integer rowNo, String name, String contact, String text, String website) {

	/** What happened to it: accepted, ignored (the hidden field was filled in) or limited (too many from the address). */
	public enum Result {

		ACCEPTED, IGNORED, LIMITED

	}

}

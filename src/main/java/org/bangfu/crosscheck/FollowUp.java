package org.bangfu.crosscheck;

/** What a confirmed finding leads to: nothing yet, a case (change of file or exit), or a direct update of the file. */
public enum FollowUp {

	NONE, CHANGE_CASE, EXIT_CASE, FILE;

	public String messageKey() {
		return "crosscheck.followUp." + name();
	}

}

package org.bangfu.programs;

/** A roster line as proposed by the rule, waiting for a reviewer's reason (a range or a second grant), edited, or removed. */
public enum LineStatus {

	PROPOSED, NEEDS_REASON, EDITED, REMOVED

}

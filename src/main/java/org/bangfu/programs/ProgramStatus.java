package org.bangfu.programs;

/** A program version is drafted, then active (cycles run it), then ended. */
public enum ProgramStatus {

	DRAFT, ACTIVE, ENDED

}

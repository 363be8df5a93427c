package org.bangfu.programs;

/** A cycle is opened, its roster generated (a job), reviewed, submitted, and approved (then locked). */
public enum CycleStatus {

	OPEN, GENERATING, GENERATED, SUBMITTED, APPROVED

}

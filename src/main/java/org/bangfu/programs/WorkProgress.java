package org.bangfu.programs;

/** How far a long piece of work is (lines done of a total), for a job's progress; {@link #NONE} ignores it. */
@FunctionalInterface
public interface WorkProgress {

	WorkProgress NONE = (done, total) -> {
	};

	void report(long done, long total);

}

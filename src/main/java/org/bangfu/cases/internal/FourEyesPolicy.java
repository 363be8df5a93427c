package org.bangfu.cases.internal;

import java.util.Objects;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * Four eyes: whoever prepared or submitted a case decides none of its review steps, and whoever
 * decided (or published the notice of) a step does not decide the next one.
 */
public final class FourEyesPolicy {

	private FourEyesPolicy() {
	}

	/** @param previousActorId the user who completed the step before (null: the step is the first) */
	public static void check(long actorId, Long submittedById, Long createdById, Long previousActorId) {
		if (Objects.equals(actorId, submittedById) || Objects.equals(actorId, createdById)) {
			throw new BangfuException(Problem.FORBIDDEN, "cases.fourEyes.submitter");
		}
		if (Objects.equals(actorId, previousActorId)) {
			throw new BangfuException(Problem.FORBIDDEN, "cases.fourEyes.previous");
		}
	}

	public static boolean allows(long actorId, Long submittedById, Long createdById, Long previousActorId) {
		return !Objects.equals(actorId, submittedById) && !Objects.equals(actorId, createdById)
				&& !Objects.equals(actorId, previousActorId);
	}

}

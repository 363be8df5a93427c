package org.bangfu.platform.jobs;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Turns a job's submitter into the authentication the job runs with (so its writes are audited to them). */
public interface JobActorResolver {

	Optional<Authentication> authenticationFor(long userId);

}

package org.bangfu.shared;

import java.util.Arrays;

/**
 * A failure to be shown to the user: a message key from the bundles, its arguments, an
 * optional field it concerns, and the kind of problem (which gives the HTTP status).
 */
public class BangfuException extends RuntimeException {

	private final Problem problem;

	private final String messageKey;

	private final transient Object[] args;

	private final String field;

	public BangfuException(Problem problem, String messageKey, Object... args) {
		this(problem, null, messageKey, args);
	}

	private BangfuException(Problem problem, String field, String messageKey, Object... args) {
		super(messageKey + Arrays.toString(args));
		this.problem = problem;
		this.messageKey = messageKey;
		this.args = args;
		this.field = field;
	}

	public static BangfuException badField(String field, String messageKey, Object... args) {
		return new BangfuException(Problem.BAD_INPUT, field, messageKey, args);
	}

	public static BangfuException notFound(String messageKey, Object... args) {
		return new BangfuException(Problem.NOT_FOUND, messageKey, args);
	}

	public static BangfuException forbidden() {
		return new BangfuException(Problem.FORBIDDEN, "error.forbidden");
	}

	public Problem problem() {
		return problem;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

	public String field() {
		return field;
	}

}

package org.bangfu.shared;

/**
 * The part of the organisation tree a user may see and change: their organisation and
 * everything under it. Organisations carry a materialised path ({@code /1/4/9/}); a row is
 * in scope when its organisation's path starts with {@link #path()}. Every module applies
 * it in its SQL through {@link #sql(String)} and binds {@link #likePattern()}.
 */
public record Scope(long organisationId, String path) {

	public Scope {
		if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
			throw new IllegalArgumentException("Organisation path must look like /1/2/: " + path);
		}
	}

	/** A condition on a path column, to be bound with parameter {@code :scopePath}. */
	public static String sql(String pathColumn) {
		return pathColumn + " LIKE :scopePath";
	}

	public String likePattern() {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Whether the scope is the whole tree: its organisation is the root (path {@code /1/}). */
	public boolean wholeTree() {
		return path.indexOf('/', 1) == path.length() - 1;
	}

	public boolean contains(String otherPath) {
		return otherPath != null && otherPath.startsWith(path);
	}

}

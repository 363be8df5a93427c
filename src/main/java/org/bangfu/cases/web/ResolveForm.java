package org.bangfu.cases.web;

/** The finding on an objection as typed (upheld or not). */
public record ResolveForm(Boolean upheld, String finding) {

	static ResolveForm empty() {
		return new ResolveForm(false, "");
	}

	public boolean isUpheld() {
		return Boolean.TRUE.equals(upheld);
	}

}

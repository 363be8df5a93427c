package org.bangfu.cases.notice;

/** Names on a notice when masking is on: first and last character kept (张三丰 → 张*丰, 张三 → 张*, 欧阳小明 → 欧**明). */
public final class NameMaskingPolicy {

	private NameMaskingPolicy() {
	}

	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		int[] cp = name.strip().codePoints().toArray();
		if (cp.length == 1) {
			return "*";
		}
		if (cp.length == 2) {
			return new String(cp, 0, 1) + "*";
		}
		return new String(cp, 0, 1) + "*".repeat(cp.length - 2) + new String(cp, cp.length - 1, 1);
	}

}

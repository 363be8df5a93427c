package org.bangfu.programs.internal.schedule;

/**
 * Regions of a declared event. A region's prefix is its code without the zero levels below it
 * (province 2 digits, city 4, county 6, township 9, village 12); a region contains every code that
 * starts with its prefix. An organisation may declare only for regions under its own region; the
 * platform (no region) may declare for any.
 */
public final class EventRegionPolicy {

	private static final int[] PREFIX = { 2, 4, 6, 9, 12 };

	private EventRegionPolicy() {
	}

	public static String prefix(String code, int level) {
		return code.substring(0, PREFIX[level - 1]);
	}

	/** The prefix of a 12-digit code from its digits alone (trailing zero levels dropped). */
	public static String prefix(String code) {
		for (int i = PREFIX.length - 1; i > 0; i--) {
			if (!code.substring(PREFIX[i - 1], PREFIX[i]).chars().allMatch(c -> c == '0')) {
				return code.substring(0, PREFIX[i]);
			}
		}
		return code.substring(0, 2);
	}

	/** Whether a region (its 12-digit code) lies within an organisation's region (null: anywhere). */
	public static boolean within(String regionCode, String organisationRegionCode) {
		return organisationRegionCode == null || regionCode.startsWith(prefix(organisationRegionCode));
	}

}

package org.bangfu.organisation;

/** A statistical division: level 1 province, 2 city, 3 county, 4 township, 5 village. */
public record RegionView(String code, String name, int level, String parentCode) {

	/** The code as published: 2, 4, 6, 9 or 12 digits by level. */
	public String shortCode() {
		return switch (level) {
			case 1 -> code.substring(0, 2);
			case 2 -> code.substring(0, 4);
			case 3 -> code.substring(0, 6);
			case 4 -> code.substring(0, 9);
			default -> code;
		};
	}

}

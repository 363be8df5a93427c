package org.bangfu.cases;

/**
 * The level of the organisation that acts at a step, by the level of its region (1 province …
 * 5 village); ANY accepts any organisation at or above the case's own.
 */
public enum StepLevel {

	ANY(0), PROVINCE(1), CITY(2), COUNTY(3), TOWNSHIP(4), VILLAGE(5);

	private final int regionLevel;

	StepLevel(int regionLevel) {
		this.regionLevel = regionLevel;
	}

	/** Whether an organisation whose region has this level (null: no region) acts at this step's level. */
	public boolean accepts(Integer organisationRegionLevel) {
		return this == ANY || (organisationRegionLevel != null && organisationRegionLevel == regionLevel);
	}

	public String messageKey() {
		return "cases.level." + name();
	}

}

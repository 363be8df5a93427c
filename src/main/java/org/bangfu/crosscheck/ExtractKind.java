package org.bangfu.crosscheck;

/** The registries whose extracts are matched against the register, each with its documented layout. */
public enum ExtractKind {

	/** 低保名册: civil-affairs dibao rolls. */
	DIBAO,
	/** 社保缴费与养老金: social insurance contributions and pensions. */
	SOCIAL_INSURANCE,
	/** 不动产登记: housing and real estate. */
	REAL_ESTATE,
	/** 车辆登记: vehicles. */
	VEHICLE,
	/** 工商登记: business registration. */
	BUSINESS,
	/** 死亡和火化: deaths and cremations. */
	DEATH,
	/** 住房公积金: housing fund. */
	HOUSING_FUND;

	public String messageKey() {
		return "crosscheck.kind." + name();
	}

}

package org.bangfu.crosscheck;

/** What a match against an extract says about a household. */
public enum FindingKind {

	/** 重复建档: the person is counted in another family (another head on the dibao roll). */
	FILED_TWICE,
	/** 成员已死亡: an active member is recorded as dead or cremated. */
	MEMBER_DIED,
	/** 有车辆: more vehicles than the file shows. */
	VEHICLE,
	/** 有工商登记: a business the file does not show. */
	BUSINESS,
	/** 有住房: more homes than the file shows. */
	SECOND_HOME,
	/** 有养老金未登记: a pension the file does not show. */
	PENSION_NOT_SHOWN,
	/** 有工资未登记: a wage (contributions, housing fund) the file does not show. */
	WAGE_NOT_SHOWN,
	/** 异地低保: a dibao payment the file does not show. */
	DIBAO_ELSEWHERE;

	public String messageKey() {
		return "crosscheck.finding." + name();
	}

}

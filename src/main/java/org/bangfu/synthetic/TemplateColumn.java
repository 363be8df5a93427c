package org.bangfu.synthetic;

/** The columns of the standard household import template, in the order the generator writes them. */
public enum TemplateColumn {

	HOUSEHOLD_REF("户编号", true),
	REGION_CODE("区划代码", true),
	NAME("姓名", false),
	ID_NUMBER("身份证号", false),
	RELATION("与户主关系", false),
	SEX("性别", false),
	MONTHLY_INCOME("月收入", false),
	EMPLOYMENT("就业状况", false),
	EMPLOYER("工作单位", false),
	HEALTH("健康状况", false),
	DISABILITY_GRADE("残疾等级", false),
	SCHOOLING("在校情况", false),
	CATEGORIES("人员类别", false),
	HARDSHIP_CAUSES("致困原因", true),
	HOUSING("住房情况", true),
	ANNUAL_RENT("年租金", true),
	VEHICLES("机动车数", true),
	SAVINGS("存款", true),
	PHONE("联系电话", false),
	BANK_NAME("开户银行", true),
	BANK_ACCOUNT("银行账号", true);

	static final int COUNT = values().length;

	private final String header;

	private final boolean householdLevel;

	TemplateColumn(String header, boolean householdLevel) {
		this.header = header;
		this.householdLevel = householdLevel;
	}

	/** The Chinese header of the template. */
	public String header() {
		return this.header;
	}

	/** Read from the 户主 row; other rows leave it empty (户编号 excepted: it is on every row). */
	public boolean householdLevel() {
		return this.householdLevel;
	}

	static String[] headers() {
		String[] h = new String[COUNT];
		for (TemplateColumn c : values()) {
			h[c.ordinal()] = c.header;
		}
		return h;
	}

}

package org.bangfu.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the standard household import template ({@code formats/household-import.md}),
 * in the order Bangfu writes them (exports, error reports, the synthetic generator). Import
 * matches headers by the Chinese name or the English alias, ignoring surrounding spaces and
 * case; column order in an uploaded file is free.
 */
public enum TemplateColumn {

	HOUSEHOLD_REF("户编号", "household_ref", true, true),
	REGION_CODE("区划代码", "region_code", true, true),
	NAME("姓名", "name", false, true),
	ID_NUMBER("身份证号", "id_number", false, true),
	RELATION("与户主关系", "relation", false, true),
	SEX("性别", "sex", false, false),
	MONTHLY_INCOME("月收入", "monthly_income", false, false),
	EMPLOYMENT("就业状况", "employment", false, false),
	EMPLOYER("工作单位", "employer", false, false),
	HEALTH("健康状况", "health", false, false),
	DISABILITY_GRADE("残疾等级", "disability_grade", false, false),
	SCHOOLING("在校情况", "schooling", false, false),
	CATEGORIES("人员类别", "categories", false, false),
	HARDSHIP_CAUSES("致困原因", "hardship_causes", true, false),
	HOUSING("住房情况", "housing", true, false),
	ANNUAL_RENT("年租金", "annual_rent", true, false),
	VEHICLES("机动车数", "vehicles", true, false),
	SAVINGS("存款", "savings", true, false),
	PHONE("联系电话", "phone", false, false),
	BANK_NAME("开户银行", "bank_name", true, false),
	BANK_ACCOUNT("银行账号", "bank_account", true, false),
	// optional economics columns (issue 13): yearly income per kind for 收入年度, essential spending for 支出年度
	INCOME_YEAR("收入年度", "income_year", true, false),
	ANNUAL_WAGE("年工资性收入", "annual_wage", false, false),
	ANNUAL_BUSINESS("年经营性收入", "annual_business", false, false),
	ANNUAL_FARMING("年农业经营收入", "annual_farming", false, false),
	ANNUAL_PROPERTY("年财产性收入", "annual_property", false, false),
	ANNUAL_TRANSFER("年转移性收入", "annual_transfer", false, false),
	ANNUAL_PENSION("年养老金", "annual_pension", false, false),
	ANNUAL_OTHER_INCOME("年其他收入", "annual_other_income", false, false),
	SPENDING_YEAR("支出年度", "spending_year", true, false),
	MEDICAL_SPENDING("年医疗自付", "medical_spending", true, false),
	SCHOOLING_SPENDING("年教育支出", "schooling_spending", true, false),
	CARE_SPENDING("年护理支出", "care_spending", true, false),
	OTHER_SPENDING("年其他刚性支出", "other_spending", true, false),
	// monthly income per kind for 收入月份 (a month's figures, as given)
	INCOME_MONTH("收入月份", "income_month", true, false),
	MONTH_WAGE("当月工资性收入", "month_wage", false, false),
	MONTH_BUSINESS("当月经营性收入", "month_business", false, false),
	MONTH_FARMING("当月农业经营收入", "month_farming", false, false),
	MONTH_PROPERTY("当月财产性收入", "month_property", false, false),
	MONTH_TRANSFER("当月转移性收入", "month_transfer", false, false),
	MONTH_PENSION("当月养老金", "month_pension", false, false),
	MONTH_OTHER_INCOME("当月其他收入", "month_other_income", false, false),
	// one sudden cost of the household (accident, disaster, sudden major illness)
	SUDDEN_COST_KIND("突发支出类别", "sudden_cost_kind", true, false),
	SUDDEN_COST_DATE("突发支出日期", "sudden_cost_date", true, false),
	SUDDEN_COST_AMOUNT("突发支出金额", "sudden_cost_amount", true, false),
	SUDDEN_COST_COVERED("突发支出已赔付", "sudden_cost_covered", true, false),
	// assets as plans test them, known from 资产日期
	ASSETS_AS_OF("资产日期", "assets_as_of", true, false),
	VEHICLE_KIND("车辆类型", "vehicle_kind", true, false),
	VEHICLE_VALUE("机动车价值", "vehicle_value", true, false),
	EXTRA_HOMES("自住以外住房套数", "extra_homes", true, false),
	REGISTERED_BUSINESSES("经营实体数", "registered_businesses", true, false),
	LUXURY_PURCHASE("不予认定消费金额", "luxury_purchase", true, false);

	/** Number of template columns. */
	public static final int COUNT = values().length;

	private final String header;

	private final String alias;

	private final boolean householdLevel;

	private final boolean required;

	TemplateColumn(String header, String alias, boolean householdLevel, boolean required) {
		this.header = header;
		this.alias = alias;
		this.householdLevel = householdLevel;
		this.required = required;
	}

	/** The Chinese header of the template. */
	public String header() {
		return this.header;
	}

	/** The English alias accepted as a header. */
	public String alias() {
		return this.alias;
	}

	/** Read from the 户主 row; other rows leave it empty (户编号 excepted: it is on every row). */
	public boolean householdLevel() {
		return this.householdLevel;
	}

	/** The column must be present in a file and filled on every row. */
	public boolean required() {
		return this.required;
	}

	/** The column a header names (Chinese name or alias, trimmed, alias case-insensitive). */
	public static Optional<TemplateColumn> forHeader(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String h = text.strip();
		if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
			h = h.substring(1).strip();
		}
		for (TemplateColumn c : values()) {
			if (c.header.equals(h) || c.alias.equals(h.toLowerCase(Locale.ROOT))) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	/** The Chinese headers in template order. */
	public static String[] headers() {
		String[] h = new String[COUNT];
		for (TemplateColumn c : values()) {
			h[c.ordinal()] = c.header;
		}
		return h;
	}

}

package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;

/** The kinds of defect planted in bad households, one per household, chosen round-robin in this order. */
public enum Defect {

	BAD_CHECK_DIGIT("bad_check_digit", TemplateColumn.ID_NUMBER),
	IMPOSSIBLE_BIRTH_DATE("impossible_birth_date", TemplateColumn.ID_NUMBER),
	UNKNOWN_REGION_CODE("unknown_region_code", TemplateColumn.REGION_CODE),
	MISSING_NAME("missing_name", TemplateColumn.NAME),
	TWO_HEADS("two_heads", TemplateColumn.RELATION),
	NO_HEAD("no_head", TemplateColumn.RELATION),
	NEGATIVE_INCOME("negative_income", TemplateColumn.MONTHLY_INCOME),
	INCOME_THREE_DECIMALS("income_three_decimals", TemplateColumn.MONTHLY_INCOME),
	SEX_MISMATCH("sex_mismatch", TemplateColumn.SEX),
	GRADE_WITHOUT_DISABILITY("grade_without_disability", TemplateColumn.DISABILITY_GRADE),
	DUPLICATE_ID_NUMBER("duplicate_id_number", TemplateColumn.ID_NUMBER),
	BAD_PHONE("bad_phone", TemplateColumn.PHONE),
	BAD_BANK_ACCOUNT("bad_bank_account", TemplateColumn.BANK_ACCOUNT),
	HOUSEHOLD_VALUE_MISMATCH("household_value_mismatch", TemplateColumn.HOUSING);

	private final String code;

	private final TemplateColumn column;

	Defect(String code, TemplateColumn column) {
		this.code = code;
		this.column = column;
	}

	/** The name used in the manifest, e.g. {@code bad_check_digit}. */
	public String code() {
		return this.code;
	}

	/** The column that carries the defect. */
	public TemplateColumn column() {
		return this.column;
	}

	/** Needs a second member to be planted. */
	boolean needsTwoMembers() {
		return this == TWO_HEADS || this == HOUSEHOLD_VALUE_MISMATCH;
	}

	public static Defect fromCode(String code) {
		for (Defect d : values()) {
			if (d.code.equals(code)) {
				return d;
			}
		}
		throw new IllegalArgumentException("Unknown defect " + code);
	}

}
